import { beforeEach, describe, expect, it } from 'vitest';
import { profileFormErrors, profileFormValues, toProfileRequest } from '../../../../renderer/components/ProfileForm/profile-form-state';
import { reviewerOptions } from '../../../../renderer/components/DossierFilters/filter-options';
import { canCompare, uniqueById, useSelectionStore } from '../../../../renderer/stores/selection-store';
import type { UserProfile } from '../../../../shared/domain/review';
import { summary } from './fixtures';

const claire: UserProfile = { id: 1, name: 'Claire Martin', role: 'PREFECTURE', departments: ['13'], createdAt: '2026-01-05T10:00:00.000Z' };
const bruno: UserProfile = { id: 2, name: 'Bruno Petit', role: 'COMMITTEE', departments: [], createdAt: '2026-01-05T10:00:00.000Z' };

describe('profile form', () => {
  it('asks for a name, a role and, for a prefecture agent, a department', () => {
    expect(profileFormErrors(profileFormValues(null))).toEqual(['Indiquez votre nom.', 'Choisissez votre rôle.']);
    expect(profileFormErrors({ name: 'Claire', role: 'PREFECTURE', departments: [] })).toEqual([
      'Un agent de préfecture doit indiquer au moins un département.',
    ]);
    expect(profileFormErrors({ name: 'Claire', role: 'PREFECTURE', departments: ['13'] })).toEqual([]);
  });

  it('drops the departments picked before switching to a national role', () => {
    expect(toProfileRequest({ name: ' Bruno ', role: 'COMMITTEE', departments: ['13'] }, 2)).toEqual({ id: 2, name: 'Bruno', role: 'COMMITTEE', departments: [] });
    expect(profileFormErrors({ name: 'Bruno', role: 'COMMITTEE', departments: ['13'] })).toEqual([]);
    expect(profileFormValues(claire)).toEqual({ name: 'Claire Martin', role: 'PREFECTURE', departments: ['13'] });
  });
});

describe('reviewer filter', () => {
  it('lists the current user first as « Moi », then the others', () => {
    expect(reviewerOptions([claire, bruno], 2)).toEqual([
      { value: '', label: 'Tous' },
      { value: '2', label: 'Moi (Bruno Petit)' },
      { value: '1', label: 'Claire Martin' },
    ]);
  });
});

describe('selection', () => {
  beforeEach(() => useSelectionStore.getState().clear());

  it('keeps the order of ticking and no duplicates', () => {
    const rows = [summary({ id: 3 }), summary({ id: 1 }), summary({ id: 3 })];
    expect(uniqueById(rows).map((row) => row.id)).toEqual([3, 1]);
    useSelectionStore.getState().setSelected(rows);
    useSelectionStore.getState().remove(3);
    expect(useSelectionStore.getState().selected.map((row) => row.id)).toEqual([1]);
  });

  it('compares two to four dossiers', () => {
    expect([1, 2, 4, 5].map(canCompare)).toEqual([false, true, true, false]);
  });
});
