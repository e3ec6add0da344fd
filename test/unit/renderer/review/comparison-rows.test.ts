import { describe, expect, it } from 'vitest';
import {
  buildComparison,
  cellsDiffer,
  countDifferences,
  moveFocus,
  onlyDifferences,
} from '../../../../renderer/components/Comparison/comparison-rows';
import type { ComparisonSection } from '../../../../renderer/components/Comparison/comparison-rows';
import { GRID, detail, item, opinion, scores, sheet } from './fixtures';

function findRow(sections: ComparisonSection[], key: string) {
  const row = sections.flatMap((section) => section.rows).find((candidate) => candidate.key === key);
  if (!row) throw new Error(`no row ${key}`);
  return row;
}

describe('cellsDiffer', () => {
  it('ignores case and spacing, but not the tone of a check', () => {
    expect(cellsDiffer([{ text: 'CDI' }, { text: ' cdi ' }])).toBe(false);
    expect(cellsDiffer([{ text: 'CDI' }, { text: 'CDD' }])).toBe(true);
    expect(cellsDiffer([{ text: 'Conforme', tone: 'ok' }, { text: 'Conforme', tone: 'warning' }])).toBe(true);
    expect(cellsDiffer([{ text: 'seul' }])).toBe(false);
  });
});

describe('buildComparison', () => {
  const a = item(detail({ id: 1, externalId: '1000', contractType: 'CDI', postsRequested: 2 }), {
    opinion: opinion({ dossierId: 1, opinion: 'FAVORABLE', postsSupported: 2 }),
    scores: scores({
      reviewers: [sheet(), sheet({ reviewerId: 2, reviewerName: 'Bruno Petit', values: { besoins: 2, accueil: 4, collectivites: 3, capacite: 3, territoires: 5, finances: 1 }, weightedMean: 3 })],
      aggregate: 3.25,
      spread: { min: 3, max: 3.5, stdDev: 0.25 },
      perCriterion: [{ key: 'besoins', label: 'Besoins', mean: 3, assessed: 2 }],
    }),
  });
  const b = item(detail({ id: 2, externalId: '1001', contractType: 'CDI', postsRequested: 3 }, { siret: '12345678900011' }));
  const c = item(detail({ id: 3, externalId: '1002', contractType: 'CDD', postsRequested: 2 }));
  const sections = buildComparison([a, b, c], GRID);

  it('highlights rows where the dossiers differ and leaves identical ones plain', () => {
    expect(findRow(sections, 'contractType').differs).toBe(true);
    expect(findRow(sections, 'postsRequested').differs).toBe(true);
    expect(findRow(sections, 'legalForm').differs).toBe(false);
    expect(findRow(sections, 'communeName').differs).toBe(false);
  });

  it('never highlights rows different by nature (SIRET, free text)', () => {
    expect(findRow(sections, 'siret')).toMatchObject({ compared: false, differs: false });
    expect(findRow(sections, 'motivation')).toMatchObject({ compared: false, differs: false });
  });

  it('shows each reviewer’s score per criterion, the aggregate and its spread', () => {
    const besoins = findRow(sections, 'criterion-besoins');
    expect(besoins.cells[0]).toEqual({ text: '3,00', detail: 'Claire Martin : 4 · Bruno Petit : 2' });
    expect(findRow(sections, 'criterion-territoires').cells[0]?.detail).toBe('Claire Martin : N.É. · Bruno Petit : 5');
    const aggregate = findRow(sections, 'aggregate');
    expect(aggregate.cells.map((cell) => cell.text)).toEqual(['3,25', '—', '—']);
    expect(aggregate.cells[0]?.detail).toBe('Claire Martin : 3,50 · Bruno Petit : 3,00\nécart 3,00 – 3,50, écart-type 0,25');
    expect(aggregate.cells[1]?.detail).toBe('Pas encore noté');
  });

  it('gives the latest opinion and the posts it supports', () => {
    expect(findRow(sections, 'opinion').cells.map((cell) => cell.text)).toEqual(['Favorable', 'Pas encore d’avis', 'Pas encore d’avis']);
    expect(findRow(sections, 'postsSupported').cells.map((cell) => cell.text)).toEqual(['2', '—', '—']);
  });

  it('lists every eligibility check any of the dossiers has, with its status', () => {
    const withChecks = buildComparison(
      [
        item({ ...detail({ id: 1 }), eligibility: [{ code: 'legal', label: 'Personne morale', status: 'ok', detail: 'Association' }] }),
        item({ ...detail({ id: 2 }), eligibility: [{ code: 'legal', label: 'Personne morale', status: 'error', detail: 'Commune' }] }),
      ],
      GRID,
    );
    expect(findRow(withChecks, 'eligibility-legal')).toMatchObject({
      label: 'Personne morale',
      differs: true,
      cells: [
        { text: 'Conforme', tone: 'ok', detail: 'Association' },
        { text: 'Non conforme', tone: 'error', detail: 'Commune' },
      ],
    });
  });

  it('counts the differences and can keep only them', () => {
    const differing = onlyDifferences(sections);
    expect(differing.flatMap((section) => section.rows).every((row) => row.differs)).toBe(true);
    expect(differing.flatMap((section) => section.rows)).toHaveLength(countDifferences(sections));
    expect(differing.some((section) => section.key === 'identity')).toBe(false);
  });

  it('leaves the scores out until the grid is known', () => {
    expect(buildComparison([a, b], undefined).some((section) => section.key === 'scores')).toBe(false);
  });
});

describe('moveFocus', () => {
  it('moves one column and stops at both ends', () => {
    expect(moveFocus(0, 1, 3)).toBe(1);
    expect(moveFocus(2, 1, 3)).toBe(2);
    expect(moveFocus(0, -1, 3)).toBe(0);
    expect(moveFocus(0, 1, 0)).toBe(0);
  });
});
