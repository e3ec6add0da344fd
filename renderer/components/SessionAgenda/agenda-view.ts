/** What the agenda says and shows while it is being edited, apart from the views for tests. */
import type { AgendaItem } from '../../../shared/domain/committee';
import { pluralize } from '../../lib/format';

export function addedMessage(added: number, skipped: number): string {
  const main = added === 0 ? 'Aucun dossier ajouté' : pluralize(added, 'dossier ajouté', 'dossiers ajoutés');
  return skipped > 0 ? `${main} ; ${pluralize(skipped, 'dossier ignoré', 'dossiers ignorés')} (déjà inscrit ou décidé dans une séance scellée).` : `${main}.`;
}

/** The agenda in a pending order (while a reorder is being saved), or as stored. */
export function arrangeItems(agenda: readonly AgendaItem[], order: readonly number[] | null): AgendaItem[] {
  if (!order) return [...agenda];
  const byId = new Map(agenda.map((item) => [item.dossierId, item]));
  const placed = new Set(order);
  const arranged = order.map((id) => byId.get(id)).filter((item): item is AgendaItem => item !== undefined);
  // An item added meanwhile (another window) keeps its place at the end rather than vanishing.
  return [...arranged, ...agenda.filter((item) => !placed.has(item.dossierId))];
}
