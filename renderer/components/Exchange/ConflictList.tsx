import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { ConflictChoice, ExchangeConflict, OpinionSummary } from '../../../shared/domain/exchange';
import { COMMENT_MAX } from '../../../shared/domain/review';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/use-api-query';
import { toApiError } from '../../lib/errors';
import { formatDateTime, pluralize } from '../../lib/format';
import { routeHref } from '../../router/routes';
import { useNotificationStore } from '../../stores/notification-store';
import { ErrorAlert } from '../ErrorAlert/ErrorAlert';
import { FormErrors } from '../FormErrors/FormErrors';
import { OpinionBadge } from '../OpinionCard/OpinionHistory';
import { Section } from '../Section/Section';
import classes from './Exchange.module.css';

const CONFLICT_TABLES = ['exchange_conflicts', 'opinions'];

function Version({ title, keepLabel, side, value, onKeep, busy, testId }: { title: string; keepLabel: string; side: 'local' | 'incoming'; value: OpinionSummary; onKeep: () => void; busy: boolean; testId: string }) {
  return (
    <div className={classes.version} data-side={side} data-testid={testId}>
      <Stack gap={6} h="100%" justify="space-between">
        <Stack gap={6}>
          <Text size="sm" fw={700}>
            {title}
          </Text>
          <Group gap="xs">
            <OpinionBadge opinion={value.opinion} />
            <Text size="sm">{pluralize(value.postsSupported, 'poste soutenu', 'postes soutenus')}</Text>
          </Group>
          <Text size="sm" className={classes.comment}>
            {value.comment}
          </Text>
          <Text size="xs" c="dimmed">
            {value.authorName} · {formatDateTime(value.createdAt)}
          </Text>
        </Stack>
        <Button variant="light" onClick={onKeep} loading={busy} w="fit-content">
          {keepLabel}
        </Button>
      </Stack>
    </div>
  );
}

function ConflictCard({ conflict }: { conflict: ExchangeConflict }) {
  const [comment, setComment] = useState('');
  const [saving, setSaving] = useState<ConflictChoice | null>(null);
  const [tried, setTried] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const notify = useNotificationStore((state) => state.notify);
  const workbook = conflict.origin === 'workbook';
  const errors = [...comment.trim()].length > COMMENT_MAX ? [`Le motif ne doit pas dépasser ${COMMENT_MAX.toLocaleString('fr-FR')} caractères.`] : [];

  function keep(side: ConflictChoice): void {
    setTried(true);
    setServerError(null);
    if (errors.length > 0) return;
    setSaving(side);
    api['exchange:resolveConflict']({ id: conflict.id, keep: side, ...(comment.trim() ? { comment: comment.trim() } : {}) })
      .then((resolved) => notify({ color: 'green', title: 'Conflit résolu', message: `ID ${resolved.externalId} : ${side === 'incoming' ? (workbook ? 'la version du classeur' : 'la version reçue') : 'la version de cette base'} devient l’avis en vigueur.` }))
      .catch((error: unknown) => setServerError(toApiError(error).message))
      .finally(() => setSaving(null));
  }
  return (
    <Paper withBorder p="md" data-testid="conflict" aria-label={`Conflit sur le dossier ${conflict.externalId}`}>
      <Stack gap="sm">
        <div>
          <Text fw={700}>
            <Anchor href={routeHref({ name: 'dossier', id: conflict.dossierId })} inherit>
              ID {conflict.externalId}
            </Anchor> – {conflict.dossierName ?? 'Structure sans nom'}{' '}
            <Text span c="dimmed" fw={400} size="sm">
              (département {conflict.departmentCode}, {pluralize(conflict.postsRequested, 'poste demandé', 'postes demandés')})
            </Text>
          </Text>
          <Text size="xs" c="dimmed">
            {workbook
              ? `Détecté le ${formatDateTime(conflict.detectedAt)} à l’import du classeur « ${conflict.fileName} » (non signé), importé par ${conflict.importedBy ?? '?'} : la ligne a été modifiée dans le classeur alors que l’avis a changé dans cette base depuis son export (${conflict.baseVersion === null ? 'le dossier était alors sans avis' : `le classeur partait de la version ${conflict.baseVersion}`}).`
              : `Détecté le ${formatDateTime(conflict.detectedAt)} à l’import de « ${conflict.fileName} »${conflict.senderName ? `, envoyé par ${conflict.senderName}` : ''} : l’avis a changé des deux côtés depuis le dernier échange.`}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <Version title="Version de cette base" keepLabel="Garder cette version" side="local" value={conflict.local} onKeep={() => keep('local')} busy={saving === 'local'} testId="conflict-local" />
          <Version title={workbook ? 'Version du classeur' : 'Version reçue'} keepLabel={workbook ? 'Garder la version du classeur' : 'Garder la version reçue'} side="incoming" value={conflict.incoming} onKeep={() => keep('incoming')} busy={saving === 'incoming'} testId="conflict-incoming" />
        </SimpleGrid>
        <Textarea
          label="Motif de l’arbitrage (facultatif)"
          description="Enregistré avec la résolution (qui, quand, quelle version) dans le journal."
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          autosize
          minRows={1}
          maxRows={4}
        />
        <FormErrors errors={tried ? errors : []} serverError={serverError} />
      </Stack>
    </Paper>
  );
}

/** The latest resolutions: which version was kept, by whom, when and why. */
function ResolvedTable({ conflicts }: { conflicts: ExchangeConflict[] }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        Derniers conflits résolus
      </Text>
      <Table withTableBorder fz="sm" verticalSpacing={4} data-testid="resolved-conflicts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Dossier</Table.Th>
            <Table.Th>Version gardée</Table.Th>
            <Table.Th>Par</Table.Th>
            <Table.Th>Le</Table.Th>
            <Table.Th w="35%">Motif</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {conflicts.map((c) => {
            const kept = c.result ?? (c.choice === 'incoming' ? c.incoming : c.local);
            return (
              <Table.Tr key={c.id}>
                <Table.Td>ID {c.externalId}</Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <OpinionBadge opinion={kept.opinion} size="xs" />
                    <Text size="xs">{c.choice === 'incoming' ? (c.origin === 'workbook' ? 'version du classeur' : 'version reçue') : 'version de cette base'}</Text>
                  </Group>
                </Table.Td>
                <Table.Td>{c.resolvedBy ?? '—'}</Table.Td>
                <Table.Td>{formatDateTime(c.resolvedAt)}</Table.Td>
                <Table.Td>{c.comment ?? '—'}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** Open conflicts of the scope: both versions side by side, one click keeps one (as a new version). */
export function ConflictList() {
  const conflicts = useApiQuery('exchange:conflicts', {}, CONFLICT_TABLES);
  const resolved = useApiQuery('exchange:conflicts', { status: 'RESOLVED' }, CONFLICT_TABLES);
  const open = conflicts.data ?? [];
  return (
    <Section title="Conflits à résoudre" aside={conflicts.data ? pluralize(open.length, 'conflit ouvert', 'conflits ouverts') : undefined}>
      <Stack gap="sm">
        <ErrorAlert error={conflicts.error} />
        {conflicts.data && open.length === 0 && (
          <Alert color="gray" variant="light">
            Aucun conflit à résoudre.
          </Alert>
        )}
        {open.map((conflict) => (
          <ConflictCard key={conflict.id} conflict={conflict} />
        ))}
        {(resolved.data ?? []).length > 0 && <ResolvedTable conflicts={resolved.data!.slice(0, 10)} />}
      </Stack>
    </Section>
  );
}
