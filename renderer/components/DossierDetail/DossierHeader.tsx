import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconCheck } from '@tabler/icons-react';
import type { DossierDetail } from '../../../shared/domain/dossier';
import { OPINION_LABELS } from '../../../shared/domain/review';
import { EMPTY_VALUE, pluralize } from '../../lib/format';
import { departmentLabel } from '../../lib/labels';
import { OPINION_COLORS, formatScore } from '../../lib/review-format';
import { useSelectionStore } from '../../stores/selection-store';
import { routeHref } from '../../router/routes';
import { StatusBadge } from '../StatusBadge/StatusBadge';

const SOURCE_LABELS: Record<DossierDetail['source'], string> = {
  platform: 'Plateforme nationale',
  file: 'Fichier importé',
  demo: 'Démonstration',
};

/** Where the review stands, at a glance: current opinion, posts it supports, aggregate score. */
function ReviewState({ dossier }: { dossier: DossierDetail }) {
  const selected = useSelectionStore((state) => state.selected.some((row) => row.id === dossier.id));
  const setSelected = useSelectionStore((state) => state.setSelected);
  const toggle = () => {
    const rows = useSelectionStore.getState().selected;
    setSelected(selected ? rows.filter((row) => row.id !== dossier.id) : [...rows, dossier]);
  };
  return (
    <Group gap="xs" data-testid="review-state">
      {dossier.opinion ? (
        <Badge color={OPINION_COLORS[dossier.opinion]} variant="light" tt="none" size="md">
          Avis {OPINION_LABELS[dossier.opinion].toLowerCase()}
          {dossier.postsSupported !== null ? ` · ${pluralize(dossier.postsSupported, 'poste soutenu', 'postes soutenus')}` : ''}
        </Badge>
      ) : (
        <Badge color="gray" variant="light" tt="none" size="md">
          Pas encore d’avis
        </Badge>
      )}
      <Badge color="blueFrance" variant="light" tt="none" size="md">
        Note {formatScore(dossier.aggregateScore)}
        {dossier.reviewers > 0 ? ` (${pluralize(dossier.reviewers, 'évaluateur', 'évaluateurs')})` : ''}
      </Badge>
      <Button size="compact-xs" variant={selected ? 'filled' : 'default'} leftSection={selected ? <IconCheck size={12} aria-hidden /> : null} onClick={toggle}>
        {selected ? 'Sélectionné pour comparer' : 'Sélectionner pour comparer'}
      </Button>
    </Group>
  );
}

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
          <ReviewState dossier={dossier} />
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
