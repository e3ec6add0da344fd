import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { DossierScores, ReviewerScore, ScoringGrid } from '../../../shared/domain/review';
import { SCORE_COMMENT_MAX } from '../../../shared/domain/review-rules';
import { api } from '../../api/client';
import { formatNumber } from '../../lib/format';
import { formatScore } from '../../lib/review-format';
import { ScorePicker } from './ScorePicker';
import { initialScoreValues, missingCriteria, previewMean, scaleSteps, scoreFormErrors, toScoreInput } from './score-form-state';
import type { ScoreFormValues } from './score-form-state';
import classes from './ScoringCard.module.css';
import { FormErrors } from '../FormErrors/FormErrors';
import { useFormSubmit } from '../../hooks/use-form-submit';

interface ScoreFormProps {
  dossierId: number;
  grid: ScoringGrid;
  previous: ReviewerScore | undefined;
  onSaved: (scores: DossierScores) => void;
  onCancel?: () => void;
}

/** One reviewer's sheet on the current grid: a value or « non évaluable » for every criterion. */
export function ScoreForm({ dossierId, grid, previous, onSaved, onCancel }: ScoreFormProps) {
  const [form, setForm] = useState<ScoreFormValues>(() => initialScoreValues(grid, previous));
  const steps = scaleSteps(grid);
  const missing = missingCriteria(grid, form);
  const errors = scoreFormErrors(dossierId, grid, form);
  const { submitted, saving, serverError, submit } = useFormSubmit(errors, () => api['scores:record'](toScoreInput(dossierId, grid, form)), onSaved);
  const mean = previewMean(grid, form);

  function setValue(key: string, value: number | null): void {
    setForm((state) => ({ ...state, values: { ...state.values, [key]: value } }));
  }


  return (
    <form onSubmit={submit} noValidate aria-label="Votre notation">
      <Stack gap={0}>
        {grid.criteria.map((criterion) => (
          <Group key={criterion.key} className={classes.criterion} wrap="nowrap" align="center" gap="md">
            <div className={classes.criterionText}>
              <Text size="sm" fw={600}>
                {criterion.label}{' '}
                <Text span size="xs" c="dimmed" fw={400} style={{ whiteSpace: 'nowrap' }}>
                  (poids {formatNumber(criterion.weight)})
                </Text>
              </Text>
              <Text size="xs" c="gray.7">
                {criterion.description}
              </Text>
            </div>
            <ScorePicker
              label={criterion.label}
              steps={steps}
              value={form.values[criterion.key]}
              onChange={(value) => setValue(criterion.key, value)}
              invalid={submitted && form.values[criterion.key] === undefined}
            />
          </Group>
        ))}
      </Stack>
      <Stack gap="sm" mt="sm">
        <Textarea
          label="Commentaire (facultatif)"
          placeholder="Ce qui justifie vos notes, points à vérifier…"
          autosize
          minRows={2}
          maxRows={6}
          maxLength={SCORE_COMMENT_MAX}
          value={form.comment}
          onChange={(event) => {
            // Read the value now: React reuses the event, so an updater run later sees no currentTarget.
            const comment = event.currentTarget.value;
            setForm((state) => ({ ...state, comment }));
          }}
        />
        <FormErrors errors={submitted ? errors : []} title="La notation n’est pas enregistrée" serverError={serverError} />
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed" aria-live="polite">
            Votre moyenne pondérée : <strong>{formatScore(mean)}</strong> / {grid.scaleMax}
            {missing.length > 0 ? ` · ${missing.length} critère${missing.length > 1 ? 's' : ''} à noter` : ''}
          </Text>
          <Group gap="sm">
            {onCancel && (
              <Button variant="default" onClick={onCancel}>
                Annuler
              </Button>
            )}
            <Button type="submit" loading={saving}>
              {previous ? 'Mettre à jour ma notation' : 'Enregistrer ma notation'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
