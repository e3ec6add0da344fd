import { Button, Group, Stack, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { AgendaItem, SessionDetail } from '../../../shared/domain/committee';
import { api } from '../../api/client';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { voteBase } from '../Committee/session-view';
import { FormErrors } from '../FormErrors/FormErrors';
import { DecisionFields } from './DecisionFields';
import { decisionFormErrors, initialDecisionValues, mentionsJustification, toDecisionInput } from './decision-form-state';
import type { DecisionFormValues } from './decision-form-state';

interface DecisionFormProps {
  session: SessionDetail;
  item: AgendaItem;
  /** Called with the session as the backend returns it after recording. */
  onSaved: (session: SessionDetail) => void;
  onCancel?: () => void;
}

/** Members present and recused on the item: they leave the vote base. */
export function presentRecused(session: SessionDetail, item: AgendaItem): number {
  return session.members.filter((member) => member.presence === 'PRESENT' && item.recusedMemberIds.includes(member.memberId)).length;
}

/** One decision on one agenda item; Ctrl+Entrée records it and moves on to the next item. */
export function DecisionForm({ session, item, onSaved, onCancel }: DecisionFormProps) {
  const [values, setValues] = useState<DecisionFormValues>(() => initialDecisionValues(item, item.decision));
  const update = (patch: Partial<DecisionFormValues>) => setValues((current) => ({ ...current, ...patch }));
  const base = voteBase(session.members, item.recusedMemberIds);
  const errors = useMemo(() => decisionFormErrors(item, values, base), [item, values, base]);
  const { submitted, saving, serverError, submit } = useFormSubmit(
    errors,
    () => api['decisions:record'](toDecisionInput(session.id, item.dossierId, values)),
    onSaved,
  );

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
  }

  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label={`Décision sur le dossier ${item.externalId}`} data-testid="decision-form">
      <Stack gap="sm">
        <DecisionFields
          idPrefix={`decision-${item.dossierId}`}
          subject={item}
          values={values}
          onChange={update}
          base={base}
          recusedCount={presentRecused(session, item)}
          submitted={submitted}
          disabled={saving}
          forceJustification={mentionsJustification(serverError)}
        />
        <FormErrors errors={submitted ? errors : []} title="La décision n’est pas complète" serverError={serverError} serverTitle="Décision refusée" />
        <Group gap="sm" justify="space-between">
          <Group gap="sm">
            <Button type="submit" loading={saving} leftSection={<IconDeviceFloppy size={18} aria-hidden />}>
              {item.decision ? 'Enregistrer la nouvelle décision' : 'Enregistrer la décision'}
            </Button>
            {onCancel && (
              <Button variant="default" onClick={onCancel} disabled={saving}>
                Annuler
              </Button>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            Ctrl + Entrée : enregistrer et passer au dossier suivant
          </Text>
        </Group>
      </Stack>
    </form>
  );
}
