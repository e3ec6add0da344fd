import { ActionIcon, Button, Group, Paper, Select, Stack, Text, Textarea, Title, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { SessionDetail } from '../../../shared/domain/committee';
import { COMMENT_MIN } from '../../../shared/domain/review';
import { api } from '../../api/client';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { formatDateTime } from '../../lib/format';
import { voteBase } from '../Committee/session-view';
import { DecisionFields } from '../DecisionForm/DecisionFields';
import { DecisionSummary } from '../DecisionForm/DecisionSummary';
import { presentRecused } from '../DecisionForm/DecisionForm';
import { mentionsJustification } from '../DecisionForm/decision-form-state';
import type { DecisionFormValues } from '../DecisionForm/decision-form-state';
import { FormErrors } from '../FormErrors/FormErrors';
import { amendmentErrors, newCorrection, toAmendmentDecisions } from './amendment-form-state';
import type { Correction } from './amendment-form-state';

interface AmendmentFormProps {
  session: SessionDetail;
  onSaved: (session: SessionDetail) => void;
  onCancel: () => void;
}

/** Corrects decisions of sealed minutes: a reason, then the corrected decisions, recorded as one amendment. */
export function AmendmentForm({ session, onSaved, onCancel }: AmendmentFormProps) {
  const [reason, setReason] = useState('');
  const [corrections, setCorrections] = useState<Correction[]>([]);
  const errors = useMemo(() => amendmentErrors(session, reason, corrections), [session, reason, corrections]);
  const { submitted, saving, serverError, submit } = useFormSubmit(
    errors,
    () => api['amendments:create']({ sessionId: session.id, reason: reason.trim(), decisions: toAmendmentDecisions(session, corrections) }),
    onSaved,
  );
  const chosen = new Set(corrections.map((correction) => correction.dossierId));
  const options = session.agenda
    .filter((item) => !chosen.has(item.dossierId))
    .map((item) => ({ value: String(item.dossierId), label: `ID ${item.externalId} – ${item.name ?? 'Structure sans nom'} (${item.departmentCode})` }));

  function update(dossierId: number, patch: Partial<DecisionFormValues>): void {
    setCorrections((current) => current.map((correction) => (correction.dossierId === dossierId ? { ...correction, values: { ...correction.values, ...patch } } : correction)));
  }

  return (
    <Paper withBorder p="md" bg="gray.0" component="form" onSubmit={submit} noValidate aria-label="Amendement au procès-verbal">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Amender le procès-verbal scellé
        </Title>
        <Textarea
          label="Motif de l’amendement"
          description="Pourquoi une décision validée est corrigée : il figure au procès-verbal et dans les exports."
          autosize
          minRows={2}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={submitted && reason.trim().length < COMMENT_MIN}
          required
          maxLength={2000}
        />
        {corrections.map((correction) => {
          const item = session.agenda.find((entry) => entry.dossierId === correction.dossierId);
          if (!item) return null;
          return (
            <Paper key={item.dossierId} withBorder p="sm">
              <Group justify="space-between" mb="xs" wrap="nowrap">
                <Text fw={600} size="sm">
                  ID {item.externalId} – {item.name ?? 'Structure sans nom'}
                </Text>
                <Tooltip label="Ne plus corriger ce dossier">
                  <ActionIcon variant="subtle" color="red" onClick={() => setCorrections((current) => current.filter((entry) => entry.dossierId !== item.dossierId))} aria-label={`Retirer la correction du dossier ${item.externalId}`}>
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              </Group>
              {item.decision && (
                <Paper p="xs" mb="sm" bg="gray.0">
                  <Text size="xs" c="dimmed" mb={4}>
                    Décision validée
                  </Text>
                  <DecisionSummary decision={item.decision} />
                </Paper>
              )}
              <DecisionFields
                idPrefix={`amendment-${item.dossierId}`}
                subject={item}
                values={correction.values}
                onChange={(patch) => update(item.dossierId, patch)}
                base={voteBase(session.members, item.recusedMemberIds)}
                recusedCount={presentRecused(session, item)}
                submitted={submitted}
                disabled={saving}
                forceJustification={mentionsJustification(serverError)}
              />
            </Paper>
          );
        })}
        <Select
          label="Corriger la décision du dossier"
          placeholder="Choisissez un dossier de la séance"
          data={options}
          value={null}
          onChange={(id) => {
            const item = session.agenda.find((entry) => String(entry.dossierId) === id);
            if (item) setCorrections((current) => [...current, newCorrection(item)]);
          }}
          searchable
          nothingFoundMessage="Aucun autre dossier"
          w={520}
        />
        <FormErrors errors={submitted ? errors : []} title="L’amendement n’est pas complet" serverError={serverError} serverTitle="Amendement refusé" />
        <Group gap="sm">
          <Button type="submit" loading={saving}>
            Enregistrer l’amendement
          </Button>
          <Button variant="default" onClick={onCancel} disabled={saving}>
            Annuler
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Amendments of the sealed minutes, oldest first, each with the decisions it corrected. */
export function AmendmentList({ session }: { session: SessionDetail }) {
  return (
    <Paper withBorder p="md" component="section" aria-label="Amendements">
      <Title order={3} size="h4" mb="sm">
        Amendements ({session.amendments.length})
      </Title>
      <Stack gap="sm">
        {session.amendments.map((amendment, index) => {
          const items = session.agenda.filter((item) => item.decision?.amendmentId === amendment.id);
          return (
            <div key={amendment.id} data-testid="amendment">
              <Text size="sm" fw={600}>
                Amendement n° {index + 1} – {formatDateTime(amendment.createdAt)}, {amendment.createdBy}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                Motif : {amendment.reason}
              </Text>
              <Text size="xs" c="dimmed">
                {items.length > 0
                  ? `Décisions corrigées : ${items.map((item) => `ID ${item.externalId}`).join(', ')}`
                  : `${amendment.decisionIds.length} décision(s) corrigée(s), remplacée(s) depuis par une correction plus récente.`}
              </Text>
            </div>
          );
        })}
      </Stack>
    </Paper>
  );
}
