/**
 * User profiles and the current one. Profiles are self-declared (there is no account system in an
 * offline desktop app): they name the author of every write and set the scope of what is shown.
 */
import { ApiError } from '../../../shared/api/contract';
import { compareDepartmentCodes } from '../../../shared/domain/geography';
import type { Role, UserProfile } from '../../../shared/domain/review';
import { validateProfile } from '../../../shared/domain/review-rules';
import type { Store, WriteTx } from '../db/store';
import type { DbReader } from './db-reader';
import { Scope } from '../access/scope';

interface ProfileRow {
  id: number;
  name: string;
  role: Role;
  departments: string;
  created_at: string;
}

const CURRENT_KEY = 'current_profile_id';

const toProfile = (r: ProfileRow): UserProfile => ({ id: r.id, name: r.name, role: r.role, departments: JSON.parse(r.departments) as string[], createdAt: r.created_at });

export function profileById(db: DbReader, id: number): UserProfile | null {
  const row = db.get<ProfileRow>('SELECT id, name, role, departments, created_at FROM profiles WHERE id = ?', [id]);
  return row ? toProfile(row) : null;
}

export interface ProfileRequest {
  id?: number;
  name: string;
  role: Role;
  departments: string[];
}

export class Profiles {
  /** undefined: not read yet. Only this class writes profiles and the setting, so it stays exact. */
  private cached: UserProfile | null | undefined;

  constructor(
    private readonly store: Store,
    /** The operating-system user: the author of writes made before any profile exists. */
    private readonly fallbackUser: string,
  ) {}

  current(): UserProfile | null {
    if (this.cached === undefined) {
      const id = this.store.db.value<string>('SELECT value FROM settings WHERE key = ?', [CURRENT_KEY]);
      this.cached = id ? profileById(this.store.db, Number(id)) : null;
    }
    return this.cached;
  }

  list(): UserProfile[] {
    return this.store.db.all<ProfileRow>('SELECT id, name, role, departments, created_at FROM profiles ORDER BY name, id').map(toProfile);
  }

  /** The name every journal entry is written under. */
  userName(): string {
    return this.current()?.name ?? this.fallbackUser;
  }

  scope(): Scope {
    return new Scope(this.current());
  }

  save(request: ProfileRequest): UserProfile {
    const departments = request.role === 'PREFECTURE' ? [...new Set(request.departments)].sort(compareDepartmentCodes) : request.departments;
    const input = { name: typeof request.name === 'string' ? request.name.trim() : '', role: request.role, departments };
    const errors = validateProfile(input);
    if (errors.length > 0) throw new ApiError('VALIDATION', errors.join(' '), { errors });
    if (request.id !== undefined && !profileById(this.store.db, request.id)) throw new ApiError('NOT_FOUND', `Le profil n° ${request.id} n’existe pas.`);
    const now = new Date().toISOString();
    const id = this.store.write({ action: 'profile:save', user: input.name, summary: { id: request.id ?? null, role: input.role, departments } }, (tx) => {
      let id = request.id;
      if (id === undefined) {
        id = (tx.value<number>('SELECT max(id) FROM profiles') ?? 0) + 1;
        tx.run('INSERT INTO profiles (id, name, role, departments, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)', [id, input.name, input.role, JSON.stringify(departments), now, now]);
      } else {
        tx.run('UPDATE profiles SET name = ?, role = ?, departments = ?, updated_at = ? WHERE id = ?', [input.name, input.role, JSON.stringify(departments), now, id]);
      }
      this.setCurrent(tx, id);
      return id;
    });
    this.cached = undefined;
    return profileById(this.store.db, id)!;
  }

  switchTo(id: number): UserProfile {
    const profile = profileById(this.store.db, id);
    if (!profile) throw new ApiError('NOT_FOUND', `Le profil n° ${id} n’existe pas.`);
    if (this.current()?.id !== id) {
      this.store.write({ action: 'profile:switch', user: profile.name, summary: { id } }, (tx) => this.setCurrent(tx, id));
      this.cached = undefined;
    }
    return profile;
  }

  private setCurrent(tx: WriteTx, id: number): void {
    tx.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [CURRENT_KEY, String(id)]);
  }
}
