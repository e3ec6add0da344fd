/**
 * What the current profile may read and write. A PREFECTURE profile is limited to its
 * departments; the committee, ANCT administrators and a database without any profile yet (first
 * start, before the user has said who they are) see everything. Every refusal is an ApiError with
 * a French message naming the department.
 */
import { ApiError, type DossierFilter } from '../../../shared/api/contract';
import { getDepartment } from '../../../shared/domain/geography';
import type { Role, UserProfile } from '../../../shared/domain/review';
import { allIn } from '../db/all-in';
import type { DbReader } from '../review/db-reader';

export interface ScopedDossier {
  id: number;
  externalId: string;
  departmentCode: string;
  postsRequested: number;
}

/** Matches no department code: an empty intersection must still filter everything out. */
const NO_DEPARTMENT = '∅';

export class Scope {
  private readonly allowed: ReadonlySet<string> | null;

  constructor(readonly profile: UserProfile | null) {
    this.allowed = profile?.role === 'PREFECTURE' ? new Set(profile.departments) : null;
  }

  /** Null: every department. */
  get departments(): readonly string[] | null {
    return this.allowed ? [...this.allowed] : null;
  }

  get restricted(): boolean {
    return this.allowed !== null;
  }

  allows(departmentCode: string): boolean {
    return this.allowed === null || this.allowed.has(departmentCode);
  }

  /** "06" or "06, 83": how the refusal messages name the scope. */
  describe(): string {
    return this.departments?.join(', ') ?? 'tous les départements';
  }

  /** The filter as asked, intersected with the profile's departments. */
  restrict<F extends DossierFilter>(filter: F): F {
    if (!this.allowed) return filter;
    const asked = filter.departments && filter.departments.length > 0 ? filter.departments : [...this.allowed];
    const kept = asked.filter((code) => this.allowed!.has(code));
    return { ...filter, departments: kept.length > 0 ? kept : [NO_DEPARTMENT] };
  }

  outOfScope(departmentCode: string): string {
    return `Ce dossier relève du département ${departmentCode}, hors de votre périmètre (${this.describe()}).`;
  }

  checkDepartment(code: string): void {
    if (!getDepartment(code)) throw new ApiError('NOT_FOUND', `Département inconnu : « ${code} ».`);
    if (!this.allows(code)) throw new ApiError('OUT_OF_SCOPE', `Le département ${code} est hors de votre périmètre (${this.describe()}).`);
  }

  /** The dossiers, each existing and within the scope; refuses the whole request otherwise. */
  checkDossiers(db: DbReader, ids: readonly number[]): ScopedDossier[] {
    const found = new Map<number, ScopedDossier>();
    const rows = allIn<{ id: number; external_id: string; department_code: string; posts_requested: number }>(
      db,
      'SELECT id, external_id, department_code, posts_requested FROM dossiers WHERE id IN (?*)',
      ids,
    );
    for (const r of rows) found.set(r.id, { id: r.id, externalId: r.external_id, departmentCode: r.department_code, postsRequested: r.posts_requested });
    return ids.map((id) => {
      const dossier = found.get(id);
      if (!dossier) throw new ApiError('NOT_FOUND', `Le dossier n° ${id} n’existe pas dans cette base.`);
      if (!this.allows(dossier.departmentCode)) throw new ApiError('OUT_OF_SCOPE', this.outOfScope(dossier.departmentCode));
      return dossier;
    });
  }

  checkDossier(db: DbReader, id: number): ScopedDossier {
    return this.checkDossiers(db, [id])[0]!;
  }

  requireProfile(): UserProfile {
    if (!this.profile) throw new ApiError('NO_PROFILE', 'Indiquez d’abord qui vous êtes (Paramètres).');
    return this.profile;
  }

  /** `action`: what is refused, e.g. « modifier la grille de notation ». */
  requireRole(roles: readonly Role[], action: string): UserProfile {
    const profile = this.requireProfile();
    if (!roles.includes(profile.role)) {
      const who = roles.map((r) => ROLE_WHO[r]).join(' et ');
      throw new ApiError('FORBIDDEN', `Seuls ${who} peuvent ${action}.`);
    }
    return profile;
  }
}

const ROLE_WHO: Record<Role, string> = {
  PREFECTURE: 'les agents de préfecture',
  COMMITTEE: 'les membres du comité national',
  ADMIN: 'les administrateurs ANCT',
};
