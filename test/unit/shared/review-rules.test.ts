import { describe, expect, it } from 'vitest';
import { DEFAULT_GRID, type GridInput, type OpinionInput } from '../../../shared/domain/review';
import { validateGrid, validateOpinion, validateProfile, validateScore } from '../../../shared/domain/review-rules';

const opinion = (patch: Partial<OpinionInput> = {}): OpinionInput => ({ dossierId: 1, opinion: 'FAVORABLE', postsSupported: 2, comment: 'Projet solide et bien articulé.', ...patch });

describe('validateOpinion', () => {
  it('accepts a complete favourable opinion', () => {
    expect(validateOpinion(opinion(), 3)).toEqual([]);
    expect(validateOpinion(opinion({ postsSupported: 0, opinion: 'DEFAVORABLE' }), 3)).toEqual([]);
  });

  it('counts the comment after trimming, 10 to 1,000 characters', () => {
    expect(validateOpinion(opinion({ comment: '123456789' }), 3)).toEqual(['Le commentaire justifiant l’avis doit compter au moins 10 caractères (9 saisis).']);
    expect(validateOpinion(opinion({ comment: '   123456789    ' }), 3)).toHaveLength(1);
    expect(validateOpinion(opinion({ comment: 'Éèàùçôîœ€é' }), 3)).toEqual([]);
    expect(validateOpinion(opinion({ comment: 'x'.repeat(1000) }), 3)).toEqual([]);
    expect(validateOpinion(opinion({ comment: 'x'.repeat(1001) }), 3)[0]).toMatch(/ne doit pas dépasser 1000 caractères/);
  });

  it('bounds the posts supported by the posts requested', () => {
    expect(validateOpinion(opinion({ postsSupported: 4 }), 3)).toEqual(['Le nombre de postes soutenus (4) ne peut pas dépasser le nombre de postes demandés (3).']);
    expect(validateOpinion(opinion({ postsSupported: -1 }), 3)[0]).toMatch(/entier positif ou nul/);
    expect(validateOpinion(opinion({ postsSupported: 1.5 }), 3)[0]).toMatch(/entier positif ou nul/);
  });

  it('needs the original of a duplicate, another dossier', () => {
    expect(validateOpinion(opinion({ opinion: 'DOUBLON', postsSupported: 0 }), 3)[0]).toMatch(/doit indiquer le dossier/);
    expect(validateOpinion(opinion({ opinion: 'DOUBLON', postsSupported: 0, duplicateOfId: 1 }), 3)[0]).toMatch(/lui-même/);
    expect(validateOpinion(opinion({ opinion: 'DOUBLON', postsSupported: 0, duplicateOfId: 7 }), 3)).toEqual([]);
    expect(validateOpinion(opinion({ duplicateOfId: 7 }), 3)[0]).toMatch(/que pour un avis « Doublon »/);
  });

  it('checks a post transfer: another dossier and at least one post', () => {
    expect(validateOpinion(opinion({ transferFromId: 9, transferPosts: 1 }), 3)).toEqual([]);
    expect(validateOpinion(opinion({ transferFromId: 9 }), 3)[0]).toMatch(/nombre de postes transférés/);
    expect(validateOpinion(opinion({ transferFromId: 1, transferPosts: 1 }), 3)[0]).toMatch(/autre dossier/);
    expect(validateOpinion(opinion({ transferPosts: 2 }), 3)[0]).toMatch(/dossier d’origine/);
  });

  it('refuses a favourable opinion with no post supported and an unfavourable one with posts', () => {
    expect(validateOpinion(opinion({ postsSupported: 0 }), 3)).toEqual(['Un avis favorable soutient au moins un poste : indiquez le nombre de postes soutenus, ou donnez un autre avis.']);
    expect(validateOpinion(opinion({ opinion: 'DEFAVORABLE', postsSupported: 2 }), 3)).toEqual(['Un avis défavorable ne soutient aucun poste (2 indiqués) : mettez 0 poste soutenu, ou donnez un avis favorable.']);
    expect(validateOpinion(opinion({ opinion: 'DEFAVORABLE', postsSupported: 1 }), 3)[0]).toContain('(1 indiqué)');
    expect(validateOpinion(opinion({ opinion: 'EXAMEN_COMPLEMENTAIRE', postsSupported: 0 }), 3)).toEqual([]);
  });

  it('lists every problem at once', () => {
    expect(validateOpinion(opinion({ comment: 'court', postsSupported: 9 }), 3)).toHaveLength(2);
  });
});

const grid = (patch: Partial<GridInput> = {}): GridInput => ({ ...DEFAULT_GRID, ...patch });

describe('validateGrid', () => {
  it('accepts the default grid', () => {
    expect(validateGrid(DEFAULT_GRID)).toEqual([]);
  });

  it('refuses a weight of -1 or 0 with a French message naming the criterion', () => {
    const criteria = DEFAULT_GRID.criteria.map((c, i) => (i === 0 ? { ...c, weight: -1 } : i === 1 ? { ...c, weight: 0 } : c));
    expect(validateGrid(grid({ criteria }))).toEqual([
      `Le poids du critère « ${DEFAULT_GRID.criteria[0]!.label} » doit être un nombre strictement positif (-1 saisi).`,
      `Le poids du critère « ${DEFAULT_GRID.criteria[1]!.label} » doit être un nombre strictement positif (0 saisi).`,
    ]);
  });

  it('refuses duplicate or empty keys and labels, no criterion, a bad scale', () => {
    const [a, b] = DEFAULT_GRID.criteria;
    expect(validateGrid(grid({ criteria: [a!, { ...b!, key: a!.key }] }))[0]).toMatch(/plusieurs critères/);
    expect(validateGrid(grid({ criteria: [a!, { ...b!, label: a!.label.toUpperCase() }] }))[0]).toMatch(/plusieurs critères/);
    expect(validateGrid(grid({ criteria: [{ ...a!, key: ' ' }] }))[0]).toMatch(/identifiant/);
    expect(validateGrid(grid({ criteria: [] }))).toEqual(['La grille doit compter au moins un critère.']);
    expect(validateGrid(grid({ scaleMin: 5, scaleMax: 5 }))[0]).toMatch(/échelle/);
    expect(validateGrid(grid({ scaleMin: 0, scaleMax: 4.5 }))[0]).toMatch(/entiers/);
    expect(validateGrid(grid({ name: '' }))[0]).toMatch(/nom/);
  });
});

describe('validateScore', () => {
  const values = Object.fromEntries(DEFAULT_GRID.criteria.map((c) => [c.key, 3])) as Record<string, number | null>;

  it('wants every criterion, a whole note on the scale or null', () => {
    expect(validateScore({ dossierId: 1, gridId: 1, values }, DEFAULT_GRID)).toEqual([]);
    expect(validateScore({ dossierId: 1, gridId: 1, values: { ...values, besoins: null } }, DEFAULT_GRID)).toEqual([]);
    expect(validateScore({ dossierId: 1, gridId: 1, values: { ...values, besoins: 6 } }, DEFAULT_GRID)[0]).toMatch(/entier de 0 à 5 \(6 saisi\)/);
    expect(validateScore({ dossierId: 1, gridId: 1, values: { ...values, besoins: 2.5 } }, DEFAULT_GRID)).toHaveLength(1);
    const { besoins: _missing, ...partial } = values;
    expect(validateScore({ dossierId: 1, gridId: 1, values: partial }, DEFAULT_GRID)[0]).toMatch(/Notez le critère/);
    expect(validateScore({ dossierId: 1, gridId: 1, values: { ...values, inconnu: 2 } }, DEFAULT_GRID)[0]).toMatch(/ne fait pas partie/);
  });
});

describe('validateProfile', () => {
  it('needs a name, a role and departments for a prefecture agent only', () => {
    expect(validateProfile({ name: 'Claire', role: 'PREFECTURE', departments: ['06'] })).toEqual([]);
    expect(validateProfile({ name: 'Claire', role: 'PREFECTURE', departments: [] })[0]).toMatch(/au moins un département/);
    expect(validateProfile({ name: 'Claire', role: 'PREFECTURE', departments: ['99'] })[0]).toMatch(/inconnu : 99/);
    expect(validateProfile({ name: 'Marc', role: 'COMMITTEE', departments: ['06'] })[0]).toMatch(/Seul un agent de préfecture/);
    expect(validateProfile({ name: ' ', role: 'ADMIN', departments: [] })).toEqual(['Indiquez votre nom.']);
  });
});
