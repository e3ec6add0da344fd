import { Button, Divider, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { OPINION_LABELS } from '../../../shared/domain/review';
import type { Opinion } from '../../../shared/domain/review';
import { useApiQuery } from '../../hooks/use-api-query';
import { formatDateTime, pluralize } from '../../lib/format';
import { useNotificationStore } from '../../stores/notification-store';
import { ErrorAlert } from '../ErrorAlert/ErrorAlert';
import { Section } from '../Section/Section';
import { OpinionForm } from './OpinionForm';
import { OpinionBadge, OpinionFacts, OpinionHistory } from './OpinionHistory';
import classes from './OpinionCard.module.css';

export const OPINION_TABLES: readonly string[] = ['opinions'];

function CurrentOpinion({ opinion, onEdit }: { opinion: Opinion; onEdit: () => void }) {
  return (
    <Stack gap={6} data-testid="current-opinion">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="sm">
          <OpinionBadge opinion={opinion.opinion} size="lg" />
          <OpinionFacts opinion={opinion} />
        </Group>
        <Button size="xs" variant="light" leftSection={<IconPencil size={14} aria-hidden />} onClick={onEdit} className={classes.noShrink}>
          Modifier l’avis
        </Button>
      </Group>
      <Text size="sm" className={classes.comment}>
        {opinion.comment}
      </Text>
      <Text size="xs" c="dimmed">
        Version {opinion.version}, enregistrée le {formatDateTime(opinion.createdAt)} par {opinion.authorName}
        {opinion.importedBy ? ` (saisie dans le classeur, importée par ${opinion.importedBy})` : ''}
      </Text>
    </Stack>
  );
}

interface OpinionCardProps {
  dossierId: number;
  postsRequested: number;
}

/** « Avis de la préfecture »: the current opinion, a form for a new version, and every version kept. */
export function OpinionCard({ dossierId, postsRequested }: OpinionCardProps) {
  const history = useApiQuery('opinions:history', { dossierId }, OPINION_TABLES);
  const notify = useNotificationStore((state) => state.notify);
  const [editing, setEditing] = useState(false);
  const versions = history.data ?? [];
  const current = versions[0] ?? null;

  function saved(opinion: Opinion): void {
    setEditing(false);
    history.refetch();
    notify({
      color: 'green',
      title: opinion.version === 1 ? 'Avis enregistré' : `Version ${opinion.version} de l’avis enregistrée`,
      message: `${OPINION_LABELS[opinion.opinion]}, ${pluralize(opinion.postsSupported, 'poste soutenu', 'postes soutenus')}.`,
    });
  }

  return (
    <Section title="Avis de la préfecture" aside={versions.length > 0 ? pluralize(versions.length, 'version', 'versions') : undefined}>
      <ErrorAlert error={history.error} title="L’avis n’a pas pu être chargé" />
      {!history.data && !history.error ? (
        <Loader size="sm" aria-label="Chargement de l’avis" />
      ) : (
        <Stack gap="md">
          {current && !editing ? (
            <CurrentOpinion opinion={current} onEdit={() => setEditing(true)} />
          ) : (
            <OpinionForm
              key={current?.id ?? 'new'}
              dossierId={dossierId}
              postsRequested={postsRequested}
              current={current}
              onSaved={saved}
              onCancel={current ? () => setEditing(false) : undefined}
            />
          )}
          {versions.length > 0 && (
            <>
              <Divider />
              <Title order={4} size="h5">
                Historique de l’avis
              </Title>
              <OpinionHistory history={versions} />
            </>
          )}
        </Stack>
      )}
    </Section>
  );
}
