import { describe, expect, it } from 'vitest';
import { formatFieldValue } from '../../../renderer/lib/field-value';
import { departmentOptions, warningOptions } from '../../../renderer/components/DossierFilters/filter-options';

describe('formatFieldValue', () => {
  it('formats values by field kind', () => {
    expect(formatFieldValue('zrr', true)).toBe('Oui');
    expect(formatFieldValue('franceServices', false)).toBe('Non');
    expect(formatFieldValue('submittedAt', '2026-11-26')).toBe('26/11/2026');
    expect(formatFieldValue('declaredAid', 1234.56)).toBe('1\u202f234,56\u00a0€');
    expect(formatFieldValue('postsRequested', 1200)).toBe('1\u202f200');
    expect(formatFieldValue('departmentCode', '2A')).toBe('2A – Corse-du-Sud');
    expect(formatFieldValue('status', 'VALIDATION_COSELEC')).toBe('Validée en COSELEC');
    expect(formatFieldValue('contractType', 'CONTRAT_PROJET')).toBe('Contrat de projet');
    expect(formatFieldValue('qpv', 'SANS_OBJET')).toBe('Sans objet');
  });

  it('shows « — » for missing values and unknown codes as they are', () => {
    expect(formatFieldValue('name', null)).toBe('—');
    expect(formatFieldValue('siret', '')).toBe('—');
    expect(formatFieldValue('departmentCode', '978')).toBe('978');
    expect(formatFieldValue('status', 'INCONNU')).toBe('INCONNU');
  });
});

describe('filter options', () => {
  it('lists every department, with counts from the facets and values the reference lacks', () => {
    const options = departmentOptions({
      departments: [
        { value: '75', label: 'Paris', count: 12 },
        { value: '978', label: 'Saint-Martin', count: 1 },
      ],
      statuses: [],
      contractTypes: [],
      legalForms: [],
      warnings: [],
      opinions: [],
    });
    expect(options.length).toBe(102);
    expect(options.find((option) => option.value === '75')).toEqual({ value: '75', label: '75 – Paris', count: 12 });
    expect(options.find((option) => option.value === '01')?.count).toBeUndefined();
    expect(options.at(-1)).toEqual({ value: '978', label: 'Saint-Martin', count: 1 });
  });

  it('keeps a selected warning code listed when the facets no longer return it', () => {
    const groups = warningOptions(undefined, 'SIRET_INVALID');
    expect(groups.map((group) => group.group)).toEqual(['Présence', 'Par type d’alerte']);
    expect(groups[1]?.items).toEqual([{ value: 'SIRET_INVALID', label: 'SIRET_INVALID' }]);
  });
});
