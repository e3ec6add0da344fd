/** The configurable part of the subsidy (the CUI amount per post), kept in the `settings` table. */
import { ApiError } from '../../../shared/api/contract';
import type { UserProfile } from '../../../shared/domain/review';
import { DEFAULT_SUBSIDY_SETTINGS, type SubsidySettings } from '../../../shared/domain/subsidy';
import { formatEuros, roundCents } from '../../../shared/domain/money';
import type { Store } from '../db/store';
import type { DbReader } from '../review/db-reader';
import { appendHistory } from './history';

const KEY = 'subsidy:settings';
/** Above the largest amount per post of the call (40,000 €), with room for a CUI top-up. */
export const CUI_PER_POST_MAX = 100_000;

export function subsidySettings(db: DbReader): SubsidySettings {
  const value = db.value<string>('SELECT value FROM settings WHERE key = ?', [KEY]);
  if (!value) return { ...DEFAULT_SUBSIDY_SETTINGS };
  const parsed = JSON.parse(value) as Partial<SubsidySettings>;
  return { cuiPerPost: typeof parsed.cuiPerPost === 'number' ? parsed.cuiPerPost : null };
}

export function saveSubsidySettings(store: Store, author: UserProfile, request: SubsidySettings): SubsidySettings {
  const cui = request.cuiPerPost;
  if (cui !== null && (!Number.isFinite(cui) || cui < 0 || cui > CUI_PER_POST_MAX)) {
    throw new ApiError('VALIDATION', `Le montant de la subvention par poste en CUI doit être compris entre 0 et ${formatEuros(CUI_PER_POST_MAX)} (ou laissé vide).`);
  }
  const next: SubsidySettings = { cuiPerPost: cui === null ? null : roundCents(cui) };
  const before = subsidySettings(store.db);
  if (before.cuiPerPost === next.cuiPerPost) return before;
  const at = new Date().toISOString();
  store.write({ action: 'subsidy:saveSettings', user: author.name, summary: { ...next } }, (tx) => {
    tx.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [KEY, JSON.stringify(next)]);
    const text = next.cuiPerPost === null ? 'non fixé' : formatEuros(next.cuiPerPost);
    appendHistory(tx, { sessionId: null, at, by: author.name, action: 'subsidy:saveSettings', summary: `Subvention par poste en CUI : ${text}`, before, after: next });
  });
  return subsidySettings(store.db);
}
