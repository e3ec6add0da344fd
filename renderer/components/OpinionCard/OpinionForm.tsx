import { Button, Checkbox, Group, NumberInput, Radio, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { COMMENT_MAX, COMMENT_MIN, OPINION_KINDS, OPINION_LABELS } from '../../../shared/domain/review';
import type { Opinion } from '../../../shared/domain/review';
import { api } from '../../api/client';
import { pluralize } from '../../lib/format';
import { OPINION_COLORS } from '../../lib/review-format';
import { DossierPicker } from '../DossierPicker/DossierPicker';
import { commentCounter, initialOpinionValues, opinionFormErrors, toOpinionInput, withOpinion } from './opinion-form-state';
import type { OpinionFormValues } from './opinion-form-state';
import classes from './OpinionCard.module.css';
import { FormErrors } from '../FormErrors/FormErrors';
import { useFormSubmit } from '../../hooks/use-form-submit';

const COUNTER_COLORS = { short: 'orange.8', ok: 'dimmed', long: 'red.8' } as const;

interface OpinionFormProps {
  dossierId: number;
  postsRequested: number;
  current: Opinion | null;
  onSaved: (opinion: Opinion) => void;
  onCancel?: () => void;
}

/** The prefect's opinion: validated as the user types, then by the backend, which has the last word. */
export function OpinionForm({ dossierId, postsRequested, current, onSaved, onCancel }: OpinionFormProps) {
  const [values, setValues] = useState<OpinionFormValues>(() => initialOpinionValues(current, postsRequested));
  const update = (patch: Partial<OpinionFormValues>) => setValues((state) => ({ ...state, ...patch }));

  const errors = opinionFormErrors(dossierId, values, postsRequested);
  const { submitted, saving, serverError, submit } = useFormSubmit(errors, () => api['opinions:record'](toOpinionInput(dossierId, values)), onSaved);
  const counter = commentCounter(values.comment);
  const showErrors = submitted && errors.length > 0;


  return (
    <form onSubmit={submit} noValidate aria-label="Avis de la préfecture">
      <Stack gap="sm">
        <Radio.Group
          label="Avis"
          value={values.opinion}
          onChange={(opinion) => setValues((state) => withOpinion(state, opinion, postsRequested))}
          error={submitted && values.opinion === null ? 'Choisissez un avis.' : null}
          required
        >
          <SimpleGrid cols={2} spacing={6} mt={6}>
            {OPINION_KINDS.map((kind) => (
              <Radio.Card
                key={kind}
                value={kind}
                className={classes.opinionChoice}
                data-kind={kind}
                style={{ '--choice-color': `var(--mantine-color-${OPINION_COLORS[kind]}-6)`, '--choice-bg': `var(--mantine-color-${OPINION_COLORS[kind]}-0)` }}
              >
                <Group gap={8} wrap="nowrap">
                  <Radio.Indicator size="xs" color={OPINION_COLORS[kind]} />
                  <Text size="sm" fw={600}>
                    {OPINION_LABELS[kind]}
                  </Text>
                </Group>
              </Radio.Card>
            ))}
          </SimpleGrid>
        </Radio.Group>
        {values.opinion === 'DOUBLON' && (
          <DossierPicker
            label="Doublon du dossier"
            description="Le dossier original, dont celui-ci est la copie."
            value={values.duplicateOfId}
            onChange={(duplicateOfId) => update({ duplicateOfId })}
            excludeId={dossierId}
            error={submitted && values.duplicateOfId === null ? 'Choisissez le dossier original.' : null}
          />
        )}
        <NumberInput
          label="Postes soutenus"
          description={`De 0 à ${pluralize(postsRequested, 'poste demandé', 'postes demandés')}.`}
          min={0}
          max={postsRequested}
          clampBehavior="none"
          allowDecimal={false}
          allowNegative={false}
          value={values.postsSupported}
          onChange={(value) => update({ postsSupported: typeof value === 'number' ? value : value === '' ? '' : Number(value) })}
          error={
            submitted && (values.postsSupported === '' || values.postsSupported > postsRequested)
              ? `Entre 0 et ${postsRequested}.`
              : null
          }
          w={220}
          required
        />
        <div>
          <Textarea
            label="Justification"
            description={`Obligatoire, de ${COMMENT_MIN} à ${COMMENT_MAX} caractères : elle accompagne l’avis jusqu’au comité.`}
            placeholder="Motifs de l’avis : besoins du territoire, offre existante, répartition dans le département…"
            autosize
            minRows={3}
            maxRows={10}
            value={values.comment}
            onChange={(event) => update({ comment: event.currentTarget.value })}
            error={submitted && counter.tone !== 'ok'}
            required
            aria-describedby="opinion-comment-counter"
          />
          <Text id="opinion-comment-counter" size="xs" c={COUNTER_COLORS[counter.tone]} ta="right" mt={2} aria-live="polite" data-testid="comment-counter">
            {counter.label}
          </Text>
        </div>
        <Checkbox
          label="Transfert de poste depuis un autre dossier"
          checked={values.withTransfer}
          onChange={(event) => update({ withTransfer: event.currentTarget.checked })}
        />
        {values.withTransfer && (
          <Group align="flex-start" gap="sm" wrap="nowrap">
            <div className={classes.grow}>
              <DossierPicker
                label="Dossier d’origine"
                value={values.transferFromId}
                onChange={(transferFromId) => update({ transferFromId })}
                excludeId={dossierId}
                error={submitted && values.transferFromId === null ? 'Choisissez le dossier d’origine.' : null}
              />
            </div>
            <NumberInput
              label="Postes transférés"
              min={1}
              allowDecimal={false}
              allowNegative={false}
              value={values.transferPosts}
              onChange={(value) => update({ transferPosts: typeof value === 'number' ? value : value === '' ? '' : Number(value) })}
              error={submitted && (values.transferPosts === '' || values.transferPosts < 1) ? 'Au moins 1.' : null}
              w={150}
            />
          </Group>
        )}
        <FormErrors errors={showErrors ? errors : []} title="L’avis n’est pas enregistré" serverError={serverError} />
        <Group justify="flex-end" gap="sm">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Annuler
            </Button>
          )}
          <Button type="submit" loading={saving}>
            {current ? 'Enregistrer une nouvelle version' : 'Enregistrer l’avis'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
