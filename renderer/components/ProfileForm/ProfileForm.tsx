import { Button, Group, MultiSelect, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { ROLES, ROLE_LABELS } from '../../../shared/domain/review';
import type { Role, UserProfile } from '../../../shared/domain/review';
import { DEPARTMENTS } from '../../../shared/domain/geography';
import { api } from '../../api/client';
import { profileFormErrors, profileFormValues, toProfileRequest } from './profile-form-state';
import type { ProfileFormValues } from './profile-form-state';
import classes from './ProfileForm.module.css';
import { FormErrors } from '../FormErrors/FormErrors';
import { useFormSubmit } from '../../hooks/use-form-submit';

const ROLE_DESCRIPTIONS: Record<Role, string> = {
  PREFECTURE: 'Instruit les dossiers de son ou ses départements, les note et rend l’avis du préfet.',
  COMMITTEE: 'Consulte tous les départements, note les dossiers et prépare les décisions du COSELEC.',
  ADMIN: 'Tous les départements ; gère la grille de notation et les objectifs de postes.',
};

const FIELD_MESSAGES = new Set(['Indiquez votre nom.', 'Choisissez votre rôle.', 'Un agent de préfecture doit indiquer au moins un département.']);

const DEPARTMENT_OPTIONS = DEPARTMENTS.map((department) => ({ value: department.code, label: `${department.code} – ${department.name}` }));

interface ProfileFormProps {
  /** Null: a new profile. */
  profile: UserProfile | null;
  submitLabel: string;
  onSaved: (profile: UserProfile) => void;
  onCancel?: () => void;
}

export function ProfileForm({ profile, submitLabel, onSaved, onCancel }: ProfileFormProps) {
  const [values, setValues] = useState<ProfileFormValues>(() => profileFormValues(profile));
  const errors = useMemo(() => profileFormErrors(values), [values]);
  const { submitted, saving, serverError, submit } = useFormSubmit(errors, () => api['profile:save'](toProfileRequest(values, profile?.id)), onSaved);
  const update = (patch: Partial<ProfileFormValues>) => setValues((current) => ({ ...current, ...patch }));


  const nameError = submitted && values.name.trim() === '' ? 'Indiquez votre nom.' : null;
  const departmentError =
    submitted && values.role === 'PREFECTURE' && values.departments.length === 0 ? 'Choisissez au moins un département.' : null;
  // Messages not tied to one field (e.g. a name too long) are listed under the form.
  const otherErrors = errors.filter((error) => !FIELD_MESSAGES.has(error));

  return (
    <form onSubmit={submit} noValidate aria-label={profile ? `Profil de ${profile.name}` : 'Nouveau profil'}>
      <Stack gap="md">
        <TextInput
          label="Votre nom"
          description="Il signe vos avis et vos notes dans l’historique."
          placeholder="Prénom Nom"
          value={values.name}
          onChange={(event) => update({ name: event.currentTarget.value })}
          error={nameError}
          required
          data-autofocus
          maxLength={120}
        />
        <Radio.Group
          label="Votre rôle"
          value={values.role}
          onChange={(role) => update({ role })}
          error={submitted && values.role === null ? 'Choisissez votre rôle.' : null}
          required
        >
          <Stack gap="xs" mt={6}>
            {ROLES.map((role) => (
              <Radio.Card key={role} value={role} className={classes.roleCard} aria-label={ROLE_LABELS[role]}>
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Radio.Indicator mt={2} />
                  <div>
                    <Text fw={600} size="sm">
                      {ROLE_LABELS[role]}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {ROLE_DESCRIPTIONS[role]}
                    </Text>
                  </div>
                </Group>
              </Radio.Card>
            ))}
          </Stack>
        </Radio.Group>
        {values.role === 'PREFECTURE' && (
          <MultiSelect
            label="Département(s) instruit(s)"
            description="Vous ne verrez et ne modifierez que les dossiers de ces départements."
            placeholder={values.departments.length ? undefined : 'Tapez un numéro ou un nom'}
            data={DEPARTMENT_OPTIONS}
            value={values.departments}
            onChange={(departments) => update({ departments })}
            searchable
            hidePickedOptions
            nothingFoundMessage="Aucun département"
            maxDropdownHeight={260}
            error={departmentError}
            required
          />
        )}
        <FormErrors errors={submitted ? otherErrors : []} serverError={serverError} serverTitle="Profil non enregistré" />
        <Group justify="flex-end" gap="sm">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Annuler
            </Button>
          )}
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
