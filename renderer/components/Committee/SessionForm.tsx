import { Anchor, Button, Group, MultiSelect, NumberInput, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { Member, SessionDetail } from '../../../shared/domain/committee';
import { api } from '../../api/client';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { routeHref } from '../../router/routes';
import { FormErrors } from '../FormErrors/FormErrors';
import { initialSessionValues, memberOptions, quorumPreview, sessionFormErrors, toSessionInput } from './session-form-state';
import type { SessionFormValues } from './session-form-state';

interface SessionFormProps {
  /** Null: a new session. */
  session: SessionDetail | null;
  members: Member[];
  onSaved: (session: SessionDetail) => void;
  onCancel: () => void;
}

function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Number, date, place, chair, members and quorum rule of a session. */
export function SessionForm({ session, members, onSaved, onCancel }: SessionFormProps) {
  const [values, setValues] = useState<SessionFormValues>(() => initialSessionValues(session, members, todayIso()));
  const update = (patch: Partial<SessionFormValues>) => setValues((current) => ({ ...current, ...patch }));
  const errors = useMemo(() => sessionFormErrors(values), [values]);
  const { submitted, saving, serverError, submit } = useFormSubmit(errors, () => api['sessions:save'](toSessionInput(values, session?.id)), onSaved);
  const options = memberOptions(members, values.memberIds);
  const chairOptions = options.filter((option) => values.memberIds.includes(Number(option.value)));

  if (members.length === 0) {
    return (
      <Text size="sm">
        Aucun membre du comité n’est encore enregistré : ajoutez-les dans <Anchor href={routeHref({ name: 'settings' })}>Paramètres</Anchor> (section « Membres du comité »), puis revenez créer la séance.
      </Text>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={session ? `Modifier la séance ${session.number}` : 'Nouvelle séance'}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label="Numéro de la séance"
            description="Texte libre, unique : « 12 », « 62BIS »."
            leftSection={<Text size="xs" c="dimmed">COSELEC</Text>}
            leftSectionWidth={72}
            value={values.number}
            onChange={(event) => update({ number: event.currentTarget.value })}
            error={submitted && values.number.trim() === ''}
            required
            data-autofocus
            maxLength={40}
          />
          <TextInput
            type="date"
            label="Date"
            description="Jour de la séance."
            value={values.date}
            onChange={(event) => update({ date: event.currentTarget.value })}
            error={submitted && values.date === ''}
            required
          />
          <TextInput
            label="Lieu ou lien de visioconférence"
            description="Salle, adresse ou lien de la réunion."
            placeholder="ANCT, salle 4.12 – ou https://…"
            value={values.place}
            onChange={(event) => update({ place: event.currentTarget.value })}
            maxLength={300}
          />
        </SimpleGrid>
        <MultiSelect
          label="Membres convoqués"
          description="Depuis la liste des membres du comité (Paramètres)."
          data={options}
          value={values.memberIds.map(String)}
          onChange={(ids) => {
            const memberIds = ids.map(Number);
            update({ memberIds, chairId: values.chairId !== null && memberIds.includes(values.chairId) ? values.chairId : null });
          }}
          searchable
          hidePickedOptions
          nothingFoundMessage="Aucun membre"
          error={submitted && values.memberIds.length === 0}
          required
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label="Présidence"
            placeholder="Choisissez parmi les membres convoqués"
            data={chairOptions}
            value={values.chairId === null ? null : String(values.chairId)}
            onChange={(id) => update({ chairId: id === null ? null : Number(id) })}
            clearable
          />
          <div>
            <Radio.Group label="Quorum" value={values.quorumKind} onChange={(kind) => update({ quorumKind: kind })}>
              <Group gap="md" mt={6} wrap="nowrap" align="center">
                <Radio value="MAJORITY" label="Plus de la moitié des membres" />
                <Radio value="MINIMUM" label="Nombre minimal :" />
                <NumberInput
                  aria-label="Nombre minimal de membres présents"
                  value={values.quorumCount}
                  onChange={(count) => update({ quorumKind: 'MINIMUM', quorumCount: typeof count === 'number' ? count : '' })}
                  min={1}
                  max={values.memberIds.length}
                  allowDecimal={false}
                  allowNegative={false}
                  w={80}
                  size="xs"
                  disabled={values.quorumKind !== 'MINIMUM'}
                />
              </Group>
            </Radio.Group>
            <Text size="xs" c="dimmed" mt={4} data-testid="quorum-preview">
              {quorumPreview(values)}
            </Text>
          </div>
        </SimpleGrid>
        <FormErrors errors={submitted ? errors : []} title="La séance n’est pas encore complète" serverError={serverError} serverTitle="Séance non enregistrée" />
        <Group gap="sm">
          <Button type="submit" loading={saving}>
            {session ? 'Enregistrer la séance' : 'Créer la séance'}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={saving}>
            Annuler
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
