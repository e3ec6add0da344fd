/** What a bulk opinion will record, shown in its confirmation step before anything is written. */
import type { DossierSummary } from '../../../shared/domain/dossier';
import type { OpinionKind } from '../../../shared/domain/review';

export type BulkOpinionKind = Exclude<OpinionKind, 'DOUBLON'>;
export type BulkPosts = 'requested' | 'none';

/** A duplicate needs the original dossier, different for each one: not a bulk opinion. */
export const BULK_OPINIONS: readonly BulkOpinionKind[] = ['FAVORABLE', 'DEFAVORABLE', 'EXAMEN_COMPLEMENTAIRE'];

export function defaultBulkPosts(opinion: BulkOpinionKind): BulkPosts {
  return opinion === 'FAVORABLE' ? 'requested' : 'none';
}

export interface BulkRow {
  id: number;
  externalId: string;
  name: string | null;
  departmentCode: string;
  postsRequested: number;
  postsRecorded: number;
  /** The opinion this one will supersede (a new version is added, the old one kept). */
  previous: OpinionKind | null;
}

export interface BulkSummary {
  rows: BulkRow[];
  postsRequested: number;
  postsRecorded: number;
  alreadyReviewed: number;
}

export function bulkSummary(dossiers: readonly DossierSummary[], posts: BulkPosts): BulkSummary {
  const rows = dossiers.map((dossier) => ({
    id: dossier.id,
    externalId: dossier.externalId,
    name: dossier.name,
    departmentCode: dossier.departmentCode,
    postsRequested: dossier.postsRequested,
    postsRecorded: posts === 'requested' ? dossier.postsRequested : 0,
    previous: dossier.opinion,
  }));
  return {
    rows,
    postsRequested: rows.reduce((sum, row) => sum + row.postsRequested, 0),
    postsRecorded: rows.reduce((sum, row) => sum + row.postsRecorded, 0),
    alreadyReviewed: rows.filter((row) => row.previous !== null).length,
  };
}
