import { Button, Group, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import type { UserProfile } from '../../../shared/domain/review';
import { api } from '../../api/client';
import { departmentLabel } from '../../lib/labels';
import { Section } from '../Section/Section';
import { ConflictList } from './ConflictList';
import { DepartmentSelect } from './DepartmentSelect';
import { ExchangeLog } from './ExchangeLog';
import { PackageImport } from './PackageImport';
import { useExchangeDownload } from './use-exchange-download';
import { WorkbookImport } from './WorkbookImport';

/** A prefecture agent: sends their opinions up, receives their department's dossiers. */
export function PrefectureExchange({ profile }: { profile: UserProfile }) {
  const [department, setDepartment] = useState<string | null>(profile.departments[0] ?? null);
  const { busy, download } = useExchangeDownload();
  const several = profile.departments.length > 1;
  return (
    <Stack gap="md">
      <Section title="Envoyer mes avis au niveau national">
        <Stack gap="sm">
          <Text size="sm">
            Un seul fichier contient tous les avis (chaque version), les notations et le classement
            {several ? ' du département choisi' : ` du département ${department ? departmentLabel(department) : ''}`}, avec leurs auteurs et leurs dates.
            Transmettez-le au secrétariat national : il vérifie son empreinte et ne remplace jamais un avis sans le montrer.
          </Text>
          <Group align="flex-end">
            {several && <DepartmentSelect value={department} onChange={setDepartment} only={profile.departments} />}
            <Button leftSection={<IconDownload size={18} />} loading={busy === 'package'} disabled={!department} onClick={() => department && download('package', () => api['exchange:exportPackage']({ departmentCode: department }))}>
              Exporter mes avis
            </Button>
          </Group>
        </Stack>
      </Section>
      <Section title="Recevoir les dossiers du niveau national">
        <Stack gap="sm">
          <Text size="sm">Le paquet envoyé par le niveau national ajoute ou met à jour les dossiers du département, leurs décisions et les avis déjà rendus.</Text>
          <PackageImport label="Déposez ici le paquet de dossiers reçu (fichier .cnfs.json)." button="Choisir un paquet…" />
        </Stack>
      </Section>
      <ConflictList />
      <Section title="Classeur départemental (sans l’application)">
        <Stack gap="sm">
          <Text size="sm">
            Pour un service qui n’a pas l’application : le classeur au format de 2021, avec les listes d’avis, l’objectif du département et le total des conseillers soutenus.
          </Text>
          <Button variant="light" leftSection={<IconFileSpreadsheet size={18} />} w="fit-content" loading={busy === 'workbook'} disabled={!department} onClick={() => department && download('workbook', () => api['exchange:exportWorkbook']({ departmentCode: department }))}>
            Télécharger le classeur
          </Button>
          <WorkbookImport />
        </Stack>
      </Section>
      <ExchangeLog />
    </Stack>
  );
}
