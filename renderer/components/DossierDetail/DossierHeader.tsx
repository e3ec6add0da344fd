import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import type { DossierDetail } from '../../../shared/domain/dossier';
import { EMPTY_VALUE, pluralize } from '../../lib/format';
import { departmentLabel } from '../../lib/labels';
import { routeHref } from '../../router/routes';
import { StatusBadge } from '../StatusBadge/StatusBadge';

const SOURCE_LABELS: Record<DossierDetail['source'], string> = {
  platform: 'Plateforme nationale',
  file: 'Fichier importé',
  demo: 'Démonstration',
};

export function DossierHeader({ dossier }: { dossier: DossierDetail }) {
  return (
    <Stack gap={6}>
      <Anchor href={routeHref({ name: 'dossiers' })} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          Retour à la liste des dossiers
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Title order={2}>{dossier.name ?? 'Structure sans nom'}</Title>
          <Group gap="sm">
            <Text c="gray.7">
              ID {dossier.externalId}
              {dossier.siret ? ` · SIRET ${dossier.siret}` : ''} · {departmentLabel(dossier.departmentCode)}
              {dossier.communeName ? ` · ${dossier.communeName}` : ''}
            </Text>
            <StatusBadge status={dossier.status} size="md" />
            {dossier.source === 'demo' && (
              <Badge color="gray" variant="outline" size="md" tt="none">
                {SOURCE_LABELS.demo}
              </Badge>
            )}
          </Group>
        </Stack>
        <Stack gap={0} align="flex-end">
          <Text fw={700} size="lg">
            {pluralize(dossier.postsRequested, 'poste demandé', 'postes demandés')}
          </Text>
          <Text c="gray.7">
            {dossier.postsGranted === null ? `Postes accordés : ${EMPTY_VALUE}` : pluralize(dossier.postsGranted, 'poste accordé', 'postes accordés')}
          </Text>
        </Stack>
      </Group>
    </Stack>
  );
}
