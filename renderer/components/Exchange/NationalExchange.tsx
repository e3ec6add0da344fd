import { Button, Group, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconPackageExport } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../../api/client';
import { Section } from '../Section/Section';
import { ConflictList } from './ConflictList';
import { DepartmentSelect } from './DepartmentSelect';
import { ExchangeLog } from './ExchangeLog';
import { PackageImport } from './PackageImport';
import { useExchangeDownload } from './use-exchange-download';
import { WorkbookImport } from './WorkbookImport';

/** The national secretariat: receives the prefectures' opinions, sends each its dossiers. */
export function NationalExchange() {
  const [department, setDepartment] = useState<string | null>(null);
  const { busy, download } = useExchangeDownload();
  return (
    <Stack gap="md">
      <Section title="Recevoir les avis des préfectures">
        <Stack gap="sm">
          <Text size="sm">
            Déposez les paquets de plusieurs départements à la fois : chacun est vérifié (empreinte, expéditeur, département) puis présenté dossier par dossier.
            Rien n’est enregistré avant « Importer », et un avis modifié des deux côtés n’est jamais remplacé : il devient un conflit à résoudre.
          </Text>
          <PackageImport label="Déposez ici les paquets d’avis reçus des préfectures (fichiers .cnfs.json)." button="Choisir des paquets…" multiple />
        </Stack>
      </Section>
      <ConflictList />
      <Section title="Envoyer à une préfecture">
        <Stack gap="sm">
          <Text size="sm">Le paquet de dossiers permet à une préfecture de partir de la base nationale ; le classeur sert aux services qui n’ont pas l’application.</Text>
          <Group align="flex-end">
            <DepartmentSelect value={department} onChange={setDepartment} />
            <Button leftSection={<IconPackageExport size={18} />} loading={busy === 'dossiers'} disabled={!department} onClick={() => department && download('dossiers', () => api['exchange:exportDossierPackage']({ departmentCode: department }))}>
              Paquet des dossiers
            </Button>
            <Button variant="light" leftSection={<IconFileSpreadsheet size={18} />} loading={busy === 'workbook'} disabled={!department} onClick={() => department && download('workbook', () => api['exchange:exportWorkbook']({ departmentCode: department }))}>
              Classeur à remplir
            </Button>
          </Group>
        </Stack>
      </Section>
      <Section title="Recevoir un classeur rempli">
        <WorkbookImport />
      </Section>
      <ExchangeLog />
    </Stack>
  );
}
