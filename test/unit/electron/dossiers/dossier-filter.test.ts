import { describe, expect, it } from 'vitest';
import { ftsQuery, whereClause } from '../../../../electron/backend/dossiers/dossier-filter';

describe('whereClause', () => {
  it('is empty without criteria', () => {
    expect(whereClause({})).toEqual({ sql: '', params: [] });
  });

  it('combines lists, "not provided" values, warnings and search with AND', () => {
    const { sql, params } = whereClause({
      departments: ['06', '2A'],
      contractTypes: ['CDI', 'NONE'],
      legalForms: [''],
      warning: 'SIRET_CHECKSUM',
      search: 'Emmaüs  connect',
    });
    expect(sql).toBe(
      'WHERE d.department_code IN (?, ?) AND (d.contract_type IN (?) OR d.contract_type IS NULL) AND (d.legal_form IS NULL) AND d.id IN (SELECT dossier_id FROM dossier_warnings WHERE code = ?) AND d.id IN (SELECT docid FROM dossiers_fts WHERE dossiers_fts MATCH ?)',
    );
    expect(params).toEqual(['06', '2A', 'CDI', 'SIRET_CHECKSUM', 'emmaüs* connect*']);
  });

  it('turns free text into prefix terms and ignores FTS syntax', () => {
    expect(ftsQuery('  "Centre" OR social-* ')).toBe('centre* or* social*');
    expect(ftsQuery('*** ')).toBeNull();
  });
});
