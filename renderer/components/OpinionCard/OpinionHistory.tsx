import { Badge, Group, List, Stack, Text } from '@mantine/core';
import { OPINION_LABELS } from '../../../shared/domain/review';
import type { Opinion } from '../../../shared/domain/review';
import { formatDateTime, pluralize } from '../../lib/format';
import { OPINION_COLORS } from '../../lib/review-format';
import { DossierRef } from '../DossierRef/DossierRef';
import { opinionChanges } from './opinion-form-state';
import classes from './OpinionCard.module.css';

export function OpinionBadge({ opinion, size = 'sm' }: { opinion: Opinion['opinion']; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  return (
    <Badge color={OPINION_COLORS[opinion]} variant="light" size={size} tt="none">
      {OPINION_LABELS[opinion]}
    </Badge>
  );
}

/** What an opinion says beyond its kind: posts, the original of a duplicate, a transfer. */
export function OpinionFacts({ opinion }: { opinion: Opinion }) {
  return (
    <>
      <Text size="sm">{pluralize(opinion.postsSupported, 'poste soutenu', 'postes soutenus')}</Text>
      {opinion.duplicateOfId !== null && (
        <Text size="sm">
          Doublon de <DossierRef id={opinion.duplicateOfId} />
        </Text>
      )}
      {opinion.transferFromId !== null && (
        <Text size="sm">
          Transfert de {pluralize(opinion.transferPosts ?? 0, 'poste', 'postes')} depuis <DossierRef id={opinion.transferFromId} />
        </Text>
      )}
    </>
  );
}

/** Every version, newest first as the backend returns them, each with what it changed. */
export function OpinionHistory({ history }: { history: Opinion[] }) {
  return (
    <Stack gap="sm" data-testid="opinion-history">
      {history.map((version, index) => {
        const previous = history[index + 1];
        const current = index === 0;
        return (
          <div key={version.id} className={classes.historyItem} data-current={current || undefined} data-testid="opinion-version">
            <Group gap="xs" wrap="wrap">
              <Text size="sm" fw={700}>
                Version {version.version}
              </Text>
              <OpinionBadge opinion={version.opinion} size="sm" />
              {current && (
                <Badge color="blueFrance" variant="outline" size="sm" tt="none">
                  Avis en vigueur
                </Badge>
              )}
              <Text size="xs" c="dimmed">
                {formatDateTime(version.createdAt)} · {version.authorName}
                {version.importedBy ? ` · saisi dans le classeur, importé par ${version.importedBy}` : version.source === 'import' ? ' (importé)' : ''}
              </Text>
            </Group>
            <List size="xs" spacing={0} mt={2} c="gray.7" aria-label="Changements">
              {opinionChanges(previous, version).map((change) => (
                <List.Item key={change}>{change}</List.Item>
              ))}
            </List>
            <Group gap="md" mt={2}>
              <OpinionFacts opinion={version} />
            </Group>
            <Text size="sm" c="gray.8" mt={2} className={classes.comment}>
              « {version.comment} »
            </Text>
          </div>
        );
      })}
    </Stack>
  );
}
