/** Labels and colours of the exchange views, and reading a picked file. */
import type { ExchangeFile } from '../../../shared/api/exchange-contract';
import type { DossierAction, OpinionAction } from '../../../shared/domain/exchange';
import { ROLE_LABELS, type Role } from '../../../shared/domain/review';

export const OPINION_ACTION_COLORS: Record<OpinionAction, string> = {
  new: 'green',
  updated: 'blue',
  unchanged: 'gray',
  conflict: 'orange',
  rejected: 'red',
};

export const DOSSIER_ACTION_LABELS: Record<DossierAction, string> = {
  new: 'Nouveau dossier',
  updated: 'Dossier mis à jour',
  unchanged: 'Dossier inchangé',
  rejected: 'Dossier rejeté',
};

export const DOSSIER_ACTION_COLORS: Record<DossierAction, string> = {
  new: 'green',
  updated: 'blue',
  unchanged: 'gray',
  rejected: 'red',
};

/** « Claire Martin, agent de préfecture (06) ». */
export function senderLabel(sender: { name: string; role: Role; departments: string[] }): string {
  const role = ROLE_LABELS[sender.role].toLowerCase();
  return `${sender.name}, ${role}${sender.departments.length > 0 ? ` (${sender.departments.join(', ')})` : ''}`;
}

export async function readPicked(file: File): Promise<ExchangeFile> {
  return { fileName: file.name, data: new Uint8Array(await file.arrayBuffer()) };
}
