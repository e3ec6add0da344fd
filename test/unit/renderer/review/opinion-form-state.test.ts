import { describe, expect, it } from 'vitest';
import {
  commentCounter,
  initialOpinionValues,
  opinionChanges,
  opinionFormErrors,
  toOpinionInput,
  withOpinion,
} from '../../../../renderer/components/OpinionCard/opinion-form-state';
import { opinion } from './fixtures';

describe('initialOpinionValues', () => {
  it('starts a first opinion with every requested post and no choice made', () => {
    expect(initialOpinionValues(null, 3)).toMatchObject({ opinion: null, postsSupported: 3, comment: '', withTransfer: false });
  });

  it('starts a new version from the current one', () => {
    const current = opinion({ opinion: 'DEFAVORABLE', postsSupported: 0, comment: 'Offre déjà présente.', transferFromId: 7, transferPosts: 1 });
    expect(initialOpinionValues(current, 3)).toMatchObject({
      opinion: 'DEFAVORABLE',
      postsSupported: 0,
      comment: 'Offre déjà présente.',
      withTransfer: true,
      transferFromId: 7,
      transferPosts: 1,
    });
  });
});

describe('withOpinion', () => {
  it('suggests all requested posts for a favourable opinion and none otherwise', () => {
    const start = initialOpinionValues(null, 4);
    const unfavourable = withOpinion(start, 'DEFAVORABLE', 4);
    expect(unfavourable.postsSupported).toBe(0);
    expect(withOpinion(unfavourable, 'FAVORABLE', 4).postsSupported).toBe(4);
  });

  it('keeps posts already adjusted while the opinion stays favourable, and drops the original of a duplicate', () => {
    const favourable = { ...withOpinion(initialOpinionValues(null, 4), 'FAVORABLE', 4), postsSupported: 2 as const };
    expect(withOpinion(favourable, 'FAVORABLE', 4).postsSupported).toBe(2);
    const duplicate = { ...withOpinion(favourable, 'DOUBLON', 4), duplicateOfId: 9 };
    expect(withOpinion(duplicate, 'DEFAVORABLE', 4).duplicateOfId).toBeNull();
  });
});

describe('opinionFormErrors', () => {
  const valid = { ...withOpinion(initialOpinionValues(null, 2), 'FAVORABLE', 2), comment: 'Besoin avéré sur le quartier.' };

  it('accepts a complete opinion', () => {
    expect(opinionFormErrors(1, valid, 2)).toEqual([]);
  });

  it('refuses a 9-character justification in French', () => {
    expect(opinionFormErrors(1, { ...valid, comment: 'Incomplet' }, 2)).toEqual([
      'Le commentaire justifiant l’avis doit compter au moins 10 caractères (9 saisis).',
    ]);
  });

  it('refuses more posts than requested, a missing opinion and a duplicate without its original', () => {
    expect(opinionFormErrors(1, { ...valid, postsSupported: 3 }, 2).join(' ')).toContain('ne peut pas dépasser le nombre de postes demandés (2)');
    expect(opinionFormErrors(1, { ...valid, opinion: null }, 2).join(' ')).toContain('Choisissez un avis');
    expect(opinionFormErrors(1, { ...valid, postsSupported: '' }, 2).join(' ')).toContain('nombre entier');
    expect(opinionFormErrors(1, withOpinion(valid, 'DOUBLON', 2), 2).join(' ')).toContain('doit indiquer le dossier');
  });

  it('asks for the origin of a transfer once the box is ticked', () => {
    expect(opinionFormErrors(1, { ...valid, withTransfer: true }, 2)).toContain('Choisissez le dossier d’où viennent les postes transférés.');
    expect(opinionFormErrors(1, { ...valid, withTransfer: true, transferFromId: 5, transferPosts: 1 }, 2)).toEqual([]);
  });
});

describe('toOpinionInput', () => {
  it('sends references only where they apply', () => {
    const values = { ...initialOpinionValues(null, 2), opinion: 'FAVORABLE' as const, comment: 'Texte', duplicateOfId: 4, transferFromId: 5, transferPosts: 1 as const };
    expect(toOpinionInput(1, values)).toEqual({
      dossierId: 1,
      opinion: 'FAVORABLE',
      postsSupported: 2,
      comment: 'Texte',
      duplicateOfId: null,
      transferFromId: null,
      transferPosts: null,
    });
  });
});

describe('commentCounter', () => {
  it('counts trimmed characters as the rule does, accents and emoji as one', () => {
    expect(commentCounter('  Incomplet  ')).toMatchObject({ length: 9, tone: 'short', label: '9 / 1\u202f000 caractères · encore 1 au minimum' });
    expect(commentCounter('Été réussi 👍').length).toBe(12);
    expect(commentCounter('x'.repeat(10)).tone).toBe('ok');
    expect(commentCounter('x'.repeat(1001))).toMatchObject({ tone: 'long', label: '1\u202f001 / 1\u202f000 caractères · 1 de trop' });
  });
});

describe('opinionChanges', () => {
  it('describes what each version changed', () => {
    const v1 = opinion({ version: 1 });
    const v2 = opinion({ id: 2, version: 2, opinion: 'DEFAVORABLE', postsSupported: 0, comment: 'Autre motif de refus.' });
    const v3 = opinion({ id: 3, version: 3, opinion: 'DEFAVORABLE', postsSupported: 0, comment: 'Autre motif de refus.' });
    expect(opinionChanges(undefined, v1)).toEqual(['Premier avis']);
    expect(opinionChanges(v1, v2)).toEqual(['Avis : Favorable → Défavorable', 'Postes soutenus : 2 → 0', 'Justification modifiée']);
    expect(opinionChanges(v2, v3)).toEqual(['Aucun changement (avis confirmé)']);
    expect(opinionChanges(v2, opinion({ ...v3, transferFromId: 8, transferPosts: 1 }))).toEqual(['Transfert de poste modifié']);
  });
});
