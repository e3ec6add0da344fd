/** The committee's members list (Paramètres): sessions pick their members from it. */
import { ApiError } from '../../../shared/api/contract';
import type { Member, MemberInput } from '../../../shared/domain/committee';
import type { UserProfile } from '../../../shared/domain/review';
import type { Store } from '../db/store';
import type { DbReader } from '../review/db-reader';
import { appendHistory } from './history';

export const MEMBER_NAME_MAX = 200;

interface MemberRow {
  id: number;
  name: string;
  organisation: string;
  active: number;
}

const toMember = (r: MemberRow): Member => ({ id: r.id, name: r.name, organisation: r.organisation, active: r.active === 1 });

/** Active members first, then by name. */
export function listMembers(db: DbReader): Member[] {
  return db.all<MemberRow>('SELECT id, name, organisation, active FROM committee_members ORDER BY active DESC, name COLLATE NOCASE, id').map(toMember);
}

export function membersById(db: DbReader, ids: readonly number[]): Map<number, Member> {
  const all = listMembers(db);
  const wanted = new Set(ids);
  return new Map(all.filter((m) => wanted.has(m.id)).map((m) => [m.id, m]));
}

export function saveMember(store: Store, author: UserProfile, request: MemberInput): Member {
  const name = request.name.trim().replace(/\s+/g, ' ');
  const organisation = request.organisation.trim().replace(/\s+/g, ' ');
  const errors: string[] = [];
  if (name.length < 2 || name.length > MEMBER_NAME_MAX) errors.push(`Le nom du membre doit compter de 2 à ${MEMBER_NAME_MAX} caractères.`);
  if (organisation.length > MEMBER_NAME_MAX) errors.push(`L’organisme représenté compte au plus ${MEMBER_NAME_MAX} caractères.`);
  const existing = request.id === undefined ? null : store.db.get<MemberRow>('SELECT id, name, organisation, active FROM committee_members WHERE id = ?', [request.id]);
  if (request.id !== undefined && !existing) throw new ApiError('NOT_FOUND', `Le membre n° ${request.id} n’existe pas.`);
  const twin = listMembers(store.db).find(
    (m) => m.id !== request.id && m.name.toLocaleLowerCase('fr') === name.toLocaleLowerCase('fr') && m.organisation.toLocaleLowerCase('fr') === organisation.toLocaleLowerCase('fr'),
  );
  if (twin) errors.push(`${twin.name}${twin.organisation ? ` (${twin.organisation})` : ''} figure déjà dans la liste des membres.`);
  if (errors.length > 0) throw new ApiError('VALIDATION', errors.join(' '), { errors });
  const after = { name, organisation, active: request.active };
  const before = existing ? toMember(existing) : null;
  if (before && before.name === name && before.organisation === organisation && before.active === request.active) return before;
  const at = new Date().toISOString();
  const id = store.write({ action: 'members:save', user: author.name, summary: { id: request.id ?? null, ...after } }, (tx) => {
    let id = request.id;
    if (id === undefined) {
      id = (tx.value<number>('SELECT max(id) FROM committee_members') ?? 0) + 1;
      tx.run('INSERT INTO committee_members (id, name, organisation, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)', [id, name, organisation, request.active ? 1 : 0, at, at]);
    } else {
      tx.run('UPDATE committee_members SET name = ?, organisation = ?, active = ?, updated_at = ? WHERE id = ?', [name, organisation, request.active ? 1 : 0, at, id]);
    }
    appendHistory(tx, { sessionId: null, at, by: author.name, action: 'members:save', summary: `${before ? 'Membre modifié' : 'Membre ajouté'} : ${name}`, before, after: { id, ...after } });
    return id;
  });
  return toMember(store.db.get<MemberRow>('SELECT id, name, organisation, active FROM committee_members WHERE id = ?', [id])!);
}
