import { describe, expect, it } from 'vitest';
import {
  decisionFormErrors,
  defaultPostsGranted,
  formDeparts,
  formNeedsDerogation,
  initialDecisionValues,
  mentionsJustification,
  opinionSummary,
  toDecisionInput,
} from '../../../renderer/components/DecisionForm/decision-form-state';
import type { DecisionFormValues, DecisionSubject } from '../../../renderer/components/DecisionForm/decision-form-state';
import { decision } from './committee-fixtures';

const eligible: DecisionSubject['eligibility'] = { state: 'ELIGIBLE', reasons: [], derogation: [] };
const favourable: DecisionSubject = { postsRequested: 3, postsSupported: 2, opinion: 'FAVORABLE', eligibility: eligible };
const unfavourable: DecisionSubject = { postsRequested: 3, postsSupported: 0, opinion: 'DEFAVORABLE', eligibility: eligible };

function values(patch: Partial<DecisionFormValues>, subject: DecisionSubject = favourable): DecisionFormValues {
  return { ...initialDecisionValues(subject, null), ...patch };
}

describe('departure from the prefecture opinion', () => {
  it('shows the justification when the decision goes against the opinion', () => {
    expect(formDeparts(favourable, values({ decision: 'NEGATIF' }))).toBe(true);
    expect(formDeparts(favourable, values({ decision: 'EXAMEN_COMPLEMENTAIRE' }))).toBe(true);
    expect(formDeparts(unfavourable, values({ decision: 'POSITIF', postsGranted: 1 }, unfavourable))).toBe(true);
    expect(formDeparts(unfavourable, values({ decision: 'NEGATIF' }, unfavourable))).toBe(false);
  });

  it('treats granting more posts than supported as a departure, fewer as ordinary arbitration', () => {
    expect(formDeparts(favourable, values({ decision: 'POSITIF', postsGranted: 2 }))).toBe(false);
    expect(formDeparts(favourable, values({ decision: 'POSITIF', postsGranted: 1 }))).toBe(false);
    expect(formDeparts(favourable, values({ decision: 'POSITIF', postsGranted: 3 }))).toBe(true);
  });

  it('has nothing to depart from without an opinion or before a choice', () => {
    const none: DecisionSubject = { postsRequested: 2, postsSupported: null, opinion: null, eligibility: eligible };
    expect(formDeparts(none, values({ decision: 'NEGATIF' }, none))).toBe(false);
    expect(formDeparts(favourable, values({ decision: null }))).toBe(false);
  });

  it('says which opinion is departed from', () => {
    expect(opinionSummary(favourable)).toBe('avis favorable (2 postes soutenus)');
    expect(opinionSummary(unfavourable)).toBe('avis défavorable');
    expect(opinionSummary({ postsRequested: 1, postsSupported: null, opinion: null, eligibility: eligible })).toBe('aucun avis de la préfecture');
  });

  it('asks for a derogation to approve a dossier not eligible, and a justification to approve without an opinion', () => {
    const commune: DecisionSubject = { ...favourable, eligibility: { state: 'NON_ELIGIBLE', reasons: ['Personne morale de droit privé : structure publique'], derogation: ['Personne morale de droit privé : structure publique'] } };
    const approve = values({ decision: 'POSITIF', postsGranted: 2 }, commune);
    expect(formNeedsDerogation(commune, approve)).toBe(true);
    expect(formNeedsDerogation(commune, values({ decision: 'NEGATIF' }, commune))).toBe(false);
    expect(formNeedsDerogation(favourable, values({ decision: 'POSITIF', postsGranted: 2 }))).toBe(false);
    expect(decisionFormErrors(commune, approve, 5)).toEqual(['Justifiez la dérogation aux conditions d’éligibilité (10 à 1\u202f000 caractères).']);
    expect(decisionFormErrors(commune, { ...approve, derogation: 'é'.repeat(1001) }, 5)[0]).toMatch(/au plus 1\s000 caractères \(1\s001 saisis\)/);
    expect(decisionFormErrors(commune, { ...approve, derogation: '  Seule structure du territoire.  ' }, 5)).toEqual([]);
    expect(toDecisionInput(1, 7, { ...approve, derogation: '  Seule structure du territoire.  ' }).derogation).toBe('Seule structure du territoire.');
    expect(toDecisionInput(1, 7, { ...approve, decision: 'NEGATIF', derogation: 'Texte resté.' }).derogation).toBeNull();
    const none: DecisionSubject = { postsRequested: 2, postsSupported: null, opinion: null, eligibility: eligible };
    expect(decisionFormErrors(none, values({ decision: 'POSITIF', postsGranted: 1 }, none), 5)).toEqual(['Le dossier n’a pas d’avis de la préfecture : justifiez l’accord sans avis (au moins 10 caractères).']);
    expect(mentionsJustification('Le dossier X est non éligible (…) : l’accord demande une justification de la dérogation (10 à 1 000 caractères).')).toBe(false);
    expect(mentionsJustification('Le dossier M-3 n’a pas d’avis de la préfecture : justifiez l’accord sans avis (au moins 10 caractères).')).toBe(true);
  });

  it('shows the field when the backend asks for a justification the form did not expect', () => {
    expect(mentionsJustification('La décision s’écarte de l’avis de la préfecture : justifiez-la.')).toBe(true);
    expect(mentionsJustification('Quorum non atteint')).toBe(false);
    expect(mentionsJustification(null)).toBe(false);
  });
});

describe('decision form checks', () => {
  it('offers the posts the prefecture supported, within 1..requested', () => {
    expect(defaultPostsGranted(favourable)).toBe(2);
    expect(defaultPostsGranted({ postsRequested: 3, postsSupported: 0, opinion: 'DEFAVORABLE', eligibility: eligible })).toBe(1);
    expect(defaultPostsGranted({ postsRequested: 2, postsSupported: 5, opinion: 'FAVORABLE', eligibility: eligible })).toBe(2);
    expect(defaultPostsGranted({ postsRequested: 0, postsSupported: null, opinion: null, eligibility: eligible })).toBe('');
  });

  it('requires a decision, posts within 1..requested for an approval', () => {
    expect(decisionFormErrors(favourable, values({}), 5)).toEqual(['Choisissez une décision : accord, refus ou examen complémentaire.']);
    expect(decisionFormErrors(favourable, values({ decision: 'POSITIF', postsGranted: 2 }), 5)).toEqual([]);
    expect(decisionFormErrors(favourable, values({ decision: 'POSITIF', postsGranted: 0 }), 5)[0]).toMatch(/de 1 à 3/);
    expect(decisionFormErrors(favourable, values({ decision: 'POSITIF', postsGranted: 4 }), 5)[0]).toMatch(/de 1 à 3/);
  });

  it('requires grounds, a comment and (against a favourable opinion) a justification for a refusal', () => {
    const errors = decisionFormErrors(favourable, values({ decision: 'NEGATIF' }), 5);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toBe('Cochez au moins un motif de refus.');
    expect(errors[1]).toMatch(/Commentez le refus/);
    expect(errors[2]).toMatch(/s’écarte de l’avis de la préfecture \(avis favorable \(2 postes soutenus\)\)/);
    const complete = values({ decision: 'NEGATIF', grounds: ['BESOINS'], comment: 'Offre existante suffisante.', justification: 'Offre déjà couverte par deux lieux.' });
    expect(decisionFormErrors(favourable, complete, 5)).toEqual([]);
  });

  it('checks the vote against the vote base and refuses a vote that does not carry', () => {
    const approve = { decision: 'POSITIF' as const, postsGranted: 2 as const, withVote: true };
    expect(decisionFormErrors(favourable, values({ ...approve, votes: { for: 3, against: 1, abstain: '' } }), 5)[0]).toMatch(/indiquez les voix/);
    expect(decisionFormErrors(favourable, values({ ...approve, votes: { for: 3, against: 2, abstain: 1 } }), 5)[0]).toMatch(/6 voix exprimées pour une base de vote de 5/);
    expect(decisionFormErrors(favourable, values({ ...approve, votes: { for: 2, against: 2, abstain: 0 } }), 4)[0]).toMatch(/majorité \(3 voix pour sur une base de 4\)/);
    expect(decisionFormErrors(favourable, values({ ...approve, votes: { for: 3, against: 1, abstain: 0 } }), 4)).toEqual([]);
  });
});

describe('decision request', () => {
  it('sends only what the decision kind uses', () => {
    const refusal = values({ decision: 'NEGATIF', postsGranted: 2, grounds: ['BESOINS', 'ELIGIBILITE'], comment: '  Offre suffisante.  ', justification: '   ' });
    expect(toDecisionInput(7, 42, refusal)).toEqual({
      sessionId: 7,
      dossierId: 42,
      decision: 'NEGATIF',
      postsGranted: null,
      priority: false,
      grounds: ['BESOINS', 'ELIGIBILITE'],
      comment: 'Offre suffisante.',
      justification: null,
      derogation: null,
      vote: null,
    });
    const approval = values({ decision: 'POSITIF', postsGranted: 3, grounds: ['BESOINS'], priority: true, justification: 'Besoin prioritaire', withVote: true, votes: { for: 4, against: 0, abstain: '' } });
    expect(toDecisionInput(7, 42, approval)).toMatchObject({ postsGranted: 3, grounds: [], priority: true, justification: 'Besoin prioritaire', vote: { for: 4, against: 0, abstain: 0 } });
  });

  it('starts from the current decision when changing it', () => {
    const current = decision(42, { decision: 'NEGATIF', postsGranted: null, grounds: ['BESOINS'], comment: 'Pas de besoin', justification: 'Écart motivé', vote: { for: 3, against: 1, abstain: 0 } });
    expect(initialDecisionValues(favourable, current)).toEqual({
      decision: 'NEGATIF',
      postsGranted: 2,
      priority: false,
      grounds: ['BESOINS'],
      comment: 'Pas de besoin',
      justification: 'Écart motivé',
      derogation: '',
      withVote: true,
      votes: { for: 3, against: 1, abstain: 0 },
    });
  });
});
