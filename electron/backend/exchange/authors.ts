/**
 * Authors of incoming versions. Profiles differ from one database to another, so a package names
 * authors by name and role; they are matched to a local profile with the same name and role, or
 * added as a profile (a prefecture agent is attached to the package's department), so that each
 * reviewer keeps their own score sheets and every version names who wrote it.
 */
import type { PackageAuthor } from '../../../shared/domain/exchange';
import type { WriteTx } from '../db/store';

export class AuthorResolver {
  private readonly known = new Map<string, number>();
  readonly created: string[] = [];

  constructor(
    private readonly tx: WriteTx,
    private readonly departmentCode: string,
    private readonly now: string,
  ) {}

  resolve(author: PackageAuthor): number {
    const key = `${author.role}\u0000${author.name}`;
    const cached = this.known.get(key);
    if (cached !== undefined) return cached;
    let id = this.tx.value<number>('SELECT id FROM profiles WHERE name = ? AND role = ? ORDER BY id LIMIT 1', [author.name, author.role]);
    if (id === undefined) {
      // Explicit ids: a journal replay reproduces them.
      id = (this.tx.value<number>('SELECT max(id) FROM profiles') ?? 0) + 1;
      const departments = author.role === 'PREFECTURE' ? [this.departmentCode] : [];
      this.tx.run('INSERT INTO profiles (id, name, role, departments, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)', [id, author.name, author.role, JSON.stringify(departments), this.now, this.now]);
      this.created.push(author.name);
    }
    this.known.set(key, id);
    return id;
  }
}
