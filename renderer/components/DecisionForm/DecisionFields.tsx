import { Alert, Checkbox, Group, List, NumberInput, Radio, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { DECISION_KINDS, DECISION_LABELS, DEROGATION_MAX, REFUSAL_GROUNDS, REFUSAL_GROUND_LABELS } from '../../../shared/domain/committee';
import { ELIGIBILITY_STATE_LABELS } from '../../../shared/domain/eligibility';
import { formatNumber, pluralize } from '../../lib/format';
import { DECISION_COLORS } from '../../lib/labels';
import { majorityReached } from '../../../shared/domain/committee';
import { EligibilityBadge } from '../Eligibility/EligibilityBadge';
import { formApprovesWithoutOpinion, formDeparts, formNeedsDerogation, opinionSummary } from './decision-form-state';
import type { DecisionFormValues, DecisionSubject } from './decision-form-state';
import classes from './DecisionForm.module.css';

interface DecisionFieldsProps {
  /** Prefix of the fields' ids: several forms can be on the page. */
  idPrefix: string;
  subject: DecisionSubject;
  values: DecisionFormValues;
  onChange: (patch: Partial<DecisionFormValues>) => void;
  /** Members present and not recused on this item. */
  base: number;
  /** Recused members, for the vote base's explanation. */
  recusedCount: number;
  submitted: boolean;
  disabled: boolean;
  /** The backend asked for a justification the form did not expect: show the field anyway. */
  forceJustification: boolean;
}

const numberOrEmpty = (value: string | number): number | '' => (typeof value === 'number' ? value : value === '' ? '' : Number(value));

/** The fields of one decision, shared by the live decision form and the amendment form. */
export function DecisionFields({ idPrefix, subject, values, onChange, base, recusedCount, submitted, disabled, forceJustification }: DecisionFieldsProps) {
  const departs = formDeparts(subject, values);
  const withoutOpinion = formApprovesWithoutOpinion(subject, values);
  const justificationRequired = departs || withoutOpinion;
  const showJustification = justificationRequired || forceJustification || values.justification.trim() !== '';
  const needsDerogation = formNeedsDerogation(subject, values);
  const showDerogation = needsDerogation || values.derogation.trim() !== '';
  const { eligibility } = subject;
  const refusal = values.decision === 'NEGATIF';
  const postsInvalid = values.postsGranted === '' || values.postsGranted < 1 || values.postsGranted > subject.postsRequested;
  const votesCast = (values.votes.for || 0) + (values.votes.against || 0) + (values.votes.abstain || 0);

  return (
    <Stack gap="sm">
      {eligibility.state === 'ELIGIBLE' ? (
        <Group gap={6}>
          <Text size="sm">Éligibilité :</Text>
          <EligibilityBadge eligibility={eligibility} size="sm" />
        </Group>
      ) : (
        <Alert
          color={eligibility.state === 'NON_ELIGIBLE' ? 'red' : 'orange'}
          variant="light"
          p="xs"
          icon={<IconAlertTriangle size={16} />}
          title={`Dossier ${ELIGIBILITY_STATE_LABELS[eligibility.state]}${eligibility.derogation.length > 0 ? ' : un accord demande une dérogation justifiée' : ''}`}
          // Information about the dossier, not an error of the form: not announced as an alert.
          role="note"
          data-testid="decision-eligibility"
        >
          <List size="sm" spacing={0}>
            {eligibility.reasons.map((reason) => (
              <List.Item key={reason}>{reason}</List.Item>
            ))}
          </List>
        </Alert>
      )}

      <Radio.Group
        label="Décision"
        value={values.decision}
        onChange={(decision) => onChange({ decision })}
        error={submitted && values.decision === null ? 'Choisissez une décision.' : null}
        required
      >
        <div className={classes.choices}>
          {DECISION_KINDS.map((kind) => (
            <Radio.Card
              key={kind}
              value={kind}
              disabled={disabled}
              className={classes.choice}
              style={{ '--choice-color': `var(--mantine-color-${DECISION_COLORS[kind]}-6)`, '--choice-bg': `var(--mantine-color-${DECISION_COLORS[kind]}-0)` }}
            >
              <Group gap={8} wrap="nowrap">
                <Radio.Indicator size="xs" color={DECISION_COLORS[kind]} disabled={disabled} />
                <Text size="sm" fw={600} lh={1.2}>
                  {DECISION_LABELS[kind]}
                </Text>
              </Group>
            </Radio.Card>
          ))}
        </div>
      </Radio.Group>

      <Group align="flex-end" gap="lg" wrap="nowrap">
        {values.decision === 'POSITIF' && (
          <NumberInput
            id={`${idPrefix}-posts`}
            label="Postes accordés"
            description={`De 1 à ${formatNumber(subject.postsRequested)}${subject.postsSupported !== null ? ` ; ${pluralize(subject.postsSupported, 'soutenu', 'soutenus')} par la préfecture` : ''}`}
            min={1}
            max={subject.postsRequested}
            clampBehavior="none"
            allowDecimal={false}
            allowNegative={false}
            value={values.postsGranted}
            onChange={(value) => onChange({ postsGranted: numberOrEmpty(value) })}
            error={submitted && postsInvalid ? `Entre 1 et ${formatNumber(subject.postsRequested)}.` : null}
            disabled={disabled}
            required
            w={260}
          />
        )}
        <Checkbox
          mb={values.decision === 'POSITIF' ? 8 : 0}
          label="Dossier prioritaire"
          checked={values.priority}
          onChange={(event) => onChange({ priority: event.currentTarget.checked })}
          disabled={disabled}
        />
      </Group>

      {refusal && (
        <Checkbox.Group
          label="Motifs du refus"
          description="Au moins un motif ; ils figurent au procès-verbal."
          value={values.grounds}
          onChange={(grounds) => onChange({ grounds })}
          error={submitted && values.grounds.length === 0 ? 'Cochez au moins un motif.' : null}
          required
        >
          <Stack gap={6} mt={6}>
            {REFUSAL_GROUNDS.map((ground) => (
              <Checkbox key={ground} value={ground} label={REFUSAL_GROUND_LABELS[ground]} disabled={disabled} size="sm" />
            ))}
          </Stack>
        </Checkbox.Group>
      )}

      {values.decision !== null && (
        <Textarea
          label={refusal ? 'Commentaire du refus' : 'Observations'}
          description={refusal ? 'Obligatoire : il accompagne les motifs au procès-verbal.' : 'Facultatif : observations du comité ou du référent.'}
          autosize
          minRows={2}
          maxRows={6}
          value={values.comment}
          onChange={(event) => onChange({ comment: event.currentTarget.value })}
          error={submitted && refusal && values.comment.trim() === ''}
          required={refusal}
          disabled={disabled}
          maxLength={2000}
        />
      )}

      {showJustification && (
        <div className={classes.justification}>
          <Textarea
            id={`${idPrefix}-justification`}
            label={withoutOpinion ? 'Justification de l’accord sans avis de la préfecture' : 'Justification de l’écart avec l’avis de la préfecture'}
            description={
              withoutOpinion
                ? 'Obligatoire : le dossier n’a pas d’avis de la préfecture.'
                : departs
                  ? `Obligatoire : la décision s’écarte de l’${opinionSummary(subject)}.`
                  : 'Demandée par l’application pour cette décision.'
            }
            autosize
            minRows={2}
            maxRows={6}
            value={values.justification}
            onChange={(event) => onChange({ justification: event.currentTarget.value })}
            error={submitted && justificationRequired && values.justification.trim() === ''}
            required={justificationRequired}
            disabled={disabled}
            maxLength={2000}
          />
        </div>
      )}

      {showDerogation && (
        <div className={classes.derogation}>
          <Textarea
            id={`${idPrefix}-derogation`}
            label="Justification de la dérogation"
            description={
              needsDerogation
                ? `Obligatoire (10 à ${formatNumber(DEROGATION_MAX)} caractères) : l’accord déroge aux conditions d’éligibilité ; elle figure au procès-verbal et dans les exports.`
                : 'Aucune dérogation n’est nécessaire pour cette décision : videz ce champ.'
            }
            autosize
            minRows={2}
            maxRows={6}
            value={values.derogation}
            onChange={(event) => onChange({ derogation: event.currentTarget.value })}
            error={submitted && needsDerogation && values.derogation.trim().length < 10}
            required={needsDerogation}
            disabled={disabled}
            maxLength={DEROGATION_MAX}
            data-testid="derogation"
          />
        </div>
      )}

      <div>
        <Checkbox
          label="Vote formel (pour, contre, abstention)"
          checked={values.withVote}
          onChange={(event) => onChange({ withVote: event.currentTarget.checked })}
          disabled={disabled}
        />
        {values.withVote && (
          <Group gap="sm" mt={6} className={classes.voteRow} wrap="nowrap">
            <NumberInput label="Pour" value={values.votes.for} onChange={(value) => onChange({ votes: { ...values.votes, for: numberOrEmpty(value) } })} min={0} max={base} clampBehavior="none" allowDecimal={false} allowNegative={false} w={90} disabled={disabled} />
            <NumberInput label="Contre" value={values.votes.against} onChange={(value) => onChange({ votes: { ...values.votes, against: numberOrEmpty(value) } })} min={0} max={base} clampBehavior="none" allowDecimal={false} allowNegative={false} w={90} disabled={disabled} />
            <NumberInput label="Abstention" value={values.votes.abstain} onChange={(value) => onChange({ votes: { ...values.votes, abstain: numberOrEmpty(value) } })} min={0} max={base} clampBehavior="none" allowDecimal={false} allowNegative={false} w={100} disabled={disabled} />
            <Text size="sm" c={votesCast > base ? 'red.8' : 'dimmed'} pb={6} data-testid="vote-base">
              Base de vote : {formatNumber(base)} {base < 2 ? 'membre présent' : 'membres présents'}
              {recusedCount > 0 ? `, hors ${pluralize(recusedCount, 'récusé', 'récusés')}` : ''}
              {values.votes.for !== '' && ` – ${majorityReached({ for: values.votes.for, against: 0, abstain: 0 }, base) ? 'majorité atteinte' : 'majorité non atteinte'}`}
            </Text>
          </Group>
        )}
        {!values.withVote && (
          <Text size="xs" c="dimmed" mt={4} data-testid="vote-base">
            Base de vote : {formatNumber(base)} {base < 2 ? 'membre présent' : 'membres présents'}
            {recusedCount > 0 ? `, hors ${pluralize(recusedCount, 'récusé', 'récusés')}` : ''}.
          </Text>
        )}
      </div>
    </Stack>
  );
}
