import { describe, expect, it } from 'vitest';
import { BULK_OPINIONS, bulkSummary, defaultBulkPosts } from '../../../../renderer/components/BulkOpinion/bulk-opinion-state';
import { progressColor, remainingLabel, targetProgress } from '../../../../renderer/components/DepartmentTotals/totals-view';
import { summary } from './fixtures';

describe('bulk opinion', () => {
  const dossiers = [summary({ id: 1, postsRequested: 2 }), summary({ id: 2, postsRequested: 3, opinion: 'DEFAVORABLE' }), summary({ id: 3, postsRequested: 1 })];

  it('offers every opinion but a duplicate, which needs its own original', () => {
    expect(BULK_OPINIONS).not.toContain('DOUBLON');
    expect(defaultBulkPosts('FAVORABLE')).toBe('requested');
    expect(defaultBulkPosts('EXAMEN_COMPLEMENTAIRE')).toBe('none');
  });

  it('lists what will be recorded and the total posts, before anything is written', () => {
    const requested = bulkSummary(dossiers, 'requested');
    expect(requested.rows.map((row) => row.postsRecorded)).toEqual([2, 3, 1]);
    expect(requested).toMatchObject({ postsRequested: 6, postsRecorded: 6, alreadyReviewed: 1 });
    expect(bulkSummary(dossiers, 'none')).toMatchObject({ postsRequested: 6, postsRecorded: 0 });
  });
});

describe('target progress', () => {
  it('is absent without a target', () => {
    expect(targetProgress(5, null)).toBeNull();
  });

  it('says how far the favourable opinions are from the target', () => {
    const under = targetProgress(6, 8)!;
    expect(under).toEqual({ percent: 75, remaining: 2, over: false, reached: false });
    expect(remainingLabel(under)).toBe('2 postes restants');
    expect(progressColor(under)).toBe('blueFrance');

    const reached = targetProgress(8, 8)!;
    expect(remainingLabel(reached)).toBe('objectif atteint');
    expect(progressColor(reached)).toBe('green');

    const over = targetProgress(9, 8)!;
    expect(over).toMatchObject({ percent: 100, remaining: -1, over: true });
    expect(remainingLabel(over)).toBe('1 poste au-delà de l’objectif');
    expect(progressColor(over)).toBe('red');
  });

  it('handles a target of zero', () => {
    expect(targetProgress(0, 0)).toMatchObject({ percent: 0, reached: true });
    expect(targetProgress(2, 0)).toMatchObject({ percent: 100, over: true });
  });
});
