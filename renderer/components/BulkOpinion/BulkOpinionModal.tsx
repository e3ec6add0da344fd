import { Alert, Button, Group, List, Modal, Radio, ScrollArea, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { DossierSummary } from '../../../shared/domain/dossier';
import { COMMENT_MAX, COMMENT_MIN, OPINION_LABELS } from '../../../shared/domain/review';
import { api } from '../../api/client';
import { toApiError } from '../../lib/errors';
import { formatNumber, pluralize } from '../../lib/format';
import { departmentLabel } from '../../lib/labels';
import { useNotificationStore } from '../../stores/notification-store';
import { commentCounter } from '../OpinionCard/opinion-form-state';
import { BULK_OPINIONS, bulkSummary, defaultBulkPosts } from './bulk-opinion-state';
import type { BulkOpinionKind, BulkPosts } from './bulk-opinion-state';

interface BulkOpinionModalProps {
  dossiers: DossierSummary[];
  onClose: () => void;
  /** After a successful write (the selection is usually cleared). */
  onDone: () => void;
}

const COUNTER_COLORS = { short: 'orange.8', ok: 'dimmed', long: 'red.8' } as const;

/** Same opinion and one comment for every selected dossier, confirmed on a list of what will be written. */
export function BulkOpinionModal({ dossiers, onClose, onDone }: BulkOpinionModalProps) {
  const notify = useNotificationStore((state) => state.notify);
  const [step, setStep] = useState<'form' | 'confirm'>('form');
  const [opinion, setOpinion] = useState<BulkOpinionKind | null>(null);
  const [posts, setPosts] = useState<BulkPosts>('requested');
  const [comment, setComment] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const counter = commentCounter(comment);
  const summary = useMemo(() => bulkSummary(dossiers, posts), [dossiers, posts]);

  const errors: string[] = [];
  if (opinion === null) errors.push('Choisissez un avis.');
  if (counter.tone === 'short') errors.push(`Le commentaire justifiant l’avis doit compter au moins ${COMMENT_MIN} caractères.`);
  if (counter.tone === 'long') errors.push(`Le commentaire justifiant l’avis ne doit pas dépasser ${COMMENT_MAX} caractères.`);

  function next(): void {
    setSubmitted(true);
    if (errors.length === 0) setStep('confirm');
  }

  function confirm(): void {
    if (!opinion) return;
    setSaving(true);
    setServerError(null);
    api['opinions:recordBulk']({ dossierIds: dossiers.map((dossier) => dossier.id), opinion, postsSupported: posts, comment })
      .then(({ recorded }) => {
        notify({
          color: 'green',
          title: 'Avis groupé enregistré',
          message: `${OPINION_LABELS[opinion]} sur ${pluralize(recorded, 'dossier', 'dossiers')}, ${pluralize(summary.postsRecorded, 'poste soutenu', 'postes soutenus')}.`,
        });
        onDone();
        onClose();
      })
      .catch((error: unknown) => setServerError(toApiError(error).message))
      .finally(() => setSaving(false));
  }

  return (
    <Modal opened onClose={onClose} title={`Avis groupé sur ${pluralize(dossiers.length, 'dossier', 'dossiers')}`} size="xl" closeButtonProps={{ 'aria-label': 'Fermer' }}>
      {step === 'form' ? (
        <Stack gap="md">
          <Radio.Group
            label="Avis"
            value={opinion}
            onChange={(value) => {
              const kind = value;
              setOpinion(kind);
              setPosts(defaultBulkPosts(kind));
            }}
            error={submitted && opinion === null ? 'Choisissez un avis.' : null}
            required
          >
            <Group gap="lg" mt={6}>
              {BULK_OPINIONS.map((kind) => (
                <Radio key={kind} value={kind} label={OPINION_LABELS[kind]} />
              ))}
            </Group>
          </Radio.Group>
          <Radio.Group label="Postes soutenus" value={posts} onChange={(value) => setPosts(value)}>
            <Group gap="lg" mt={6}>
              <Radio value="requested" label="Tous les postes demandés par chaque dossier" />
              <Radio value="none" label="Aucun poste (0)" />
            </Group>
          </Radio.Group>
          <div>
            <Textarea
              label="Justification commune"
              description={`Obligatoire, de ${COMMENT_MIN} à ${COMMENT_MAX} caractères ; elle sera enregistrée sur chaque dossier.`}
              autosize
              minRows={3}
              maxRows={8}
              value={comment}
              onChange={(event) => setComment(event.currentTarget.value)}
              error={submitted && counter.tone !== 'ok'}
              required
            />
            <Text size="xs" c={COUNTER_COLORS[counter.tone]} ta="right" mt={2} aria-live="polite">
              {counter.label}
            </Text>
          </div>
          {submitted && errors.length > 0 && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle />} role="alert">
              <List size="sm">
                {errors.map((error) => (
                  <List.Item key={error}>{error}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button onClick={next}>Vérifier avant d’enregistrer</Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md">
          <Text data-testid="bulk-summary">
            L’avis <strong>« {opinion ? OPINION_LABELS[opinion] : ''} »</strong> sera enregistré sur{' '}
            <strong>{pluralize(dossiers.length, 'dossier', 'dossiers')}</strong>, pour un total de{' '}
            <strong>{pluralize(summary.postsRecorded, 'poste soutenu', 'postes soutenus')}</strong> (sur{' '}
            {pluralize(summary.postsRequested, 'poste demandé', 'postes demandés')}).
          </Text>
          {summary.alreadyReviewed > 0 && (
            <Alert color="blue" variant="light" icon={<IconInfoCircle />}>
              {pluralize(summary.alreadyReviewed, 'dossier a', 'dossiers ont')} déjà un avis : une nouvelle version s’y ajoute, les
              précédentes restent dans l’historique.
            </Alert>
          )}
          <ScrollArea.Autosize mah={320}>
            <Table striped withTableBorder fz="sm" verticalSpacing={4} stickyHeader>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>ID</Table.Th>
                  <Table.Th>Nom</Table.Th>
                  <Table.Th>Département</Table.Th>
                  <Table.Th>Avis actuel</Table.Th>
                  <Table.Th ta="right">Demandés</Table.Th>
                  <Table.Th ta="right">Soutenus</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {summary.rows.map((row) => (
                  <Table.Tr key={row.id}>
                    <Table.Td>{row.externalId}</Table.Td>
                    <Table.Td>{row.name ?? '—'}</Table.Td>
                    <Table.Td>{departmentLabel(row.departmentCode)}</Table.Td>
                    <Table.Td>{row.previous ? OPINION_LABELS[row.previous] : '—'}</Table.Td>
                    <Table.Td ta="right">{formatNumber(row.postsRequested)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(row.postsRecorded)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th colSpan={4}>Total</Table.Th>
                  <Table.Th ta="right">{formatNumber(summary.postsRequested)}</Table.Th>
                  <Table.Th ta="right">{formatNumber(summary.postsRecorded)}</Table.Th>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </ScrollArea.Autosize>
          <Text size="sm" c="gray.7" style={{ whiteSpace: 'pre-line' }}>
            Justification : « {comment.trim()} »
          </Text>
          {serverError && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle />} title="Rien n’a été enregistré" role="alert">
              {serverError}
            </Alert>
          )}
          <Group justify="space-between">
            <Button variant="default" onClick={() => setStep('form')} disabled={saving}>
              Retour
            </Button>
            <Button onClick={confirm} loading={saving}>
              Confirmer : enregistrer {pluralize(dossiers.length, 'avis', 'avis')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
