import { describe, expect, it } from 'vitest';
import { DECISION_FOR_OPINION, DECISION_STATUS, departsFromOpinion, majorityReached, quorumRequired } from '../../../shared/domain/committee';

describe('quorum', () => {
  it('is more than half of the members by default, or a fixed minimum', () => {
    expect([1, 2, 3, 4, 5, 8].map((n) => quorumRequired({ kind: 'MAJORITY' }, n))).toEqual([1, 2, 2, 3, 3, 5]);
    expect(quorumRequired({ kind: 'MINIMUM', count: 4 }, 9)).toBe(4);
  });
});

describe('majority', () => {
  it('needs more votes for than half of the vote base: abstentions count against', () => {
    expect(majorityReached({ for: 3, against: 0, abstain: 2 }, 5)).toBe(true);
    expect(majorityReached({ for: 2, against: 0, abstain: 3 }, 5)).toBe(false);
    expect(majorityReached({ for: 2, against: 0, abstain: 0 }, 4)).toBe(false);
    expect(majorityReached({ for: 3, against: 1, abstain: 0 }, 4)).toBe(true);
    expect(majorityReached({ for: 0, against: 0, abstain: 0 }, 0)).toBe(false);
  });
});

describe('departure from the prefecture’s opinion', () => {
  it('is another kind of decision than the opinion calls for, or more posts than supported', () => {
    expect(DECISION_FOR_OPINION).toEqual({ FAVORABLE: 'POSITIF', DEFAVORABLE: 'NEGATIF', EXAMEN_COMPLEMENTAIRE: 'EXAMEN_COMPLEMENTAIRE', DOUBLON: 'NEGATIF' });
    expect(departsFromOpinion('FAVORABLE', 2, 'POSITIF', 2)).toBe(false);
    expect(departsFromOpinion('FAVORABLE', 2, 'POSITIF', 1)).toBe(false);
    expect(departsFromOpinion('FAVORABLE', 2, 'POSITIF', 3)).toBe(true);
    expect(departsFromOpinion('FAVORABLE', 2, 'NEGATIF', null)).toBe(true);
    expect(departsFromOpinion('FAVORABLE', 2, 'EXAMEN_COMPLEMENTAIRE', null)).toBe(true);
    expect(departsFromOpinion('DEFAVORABLE', 0, 'POSITIF', 1)).toBe(true);
    expect(departsFromOpinion('DEFAVORABLE', 0, 'NEGATIF', null)).toBe(false);
    expect(departsFromOpinion('DOUBLON', 0, 'NEGATIF', null)).toBe(false);
    expect(departsFromOpinion('EXAMEN_COMPLEMENTAIRE', 0, 'EXAMEN_COMPLEMENTAIRE', null)).toBe(false);
    expect(departsFromOpinion(null, null, 'POSITIF', 4)).toBe(false);
  });

  it('sets the dossier status the platform uses', () => {
    expect(DECISION_STATUS).toEqual({ POSITIF: 'VALIDATION_COSELEC', NEGATIF: 'REFUS_COSELEC', EXAMEN_COMPLEMENTAIRE: 'EXAMEN_COMPLEMENTAIRE_COSELEC' });
  });
});
