/** Shapes of the exports methods' requests (each throws BAD_REQUEST with a French reason). */
import type { ApiMethod } from '../../../shared/api/contract';
import { EXPORT_FORMATS } from '../../../shared/api/exports-contract';
import { bad, isObject, optionalInteger, optionalString, optionalStringArray, requiredId, requiredString } from '../request-checks';

/** The dossier list's filter, as dossiers:list accepts it. */
function checkFilter(filter: unknown): void {
  if (filter === undefined) return;
  if (!isObject(filter)) throw bad('« filter » doit être un objet');
  for (const key of ['departments', 'regions', 'statuses', 'contractTypes', 'legalForms', 'opinions']) optionalStringArray(filter, key);
  optionalString(filter, 'warning');
  optionalString(filter, 'search');
  optionalInteger(filter, 'reviewerId', 1, Number.MAX_SAFE_INTEGER);
  if (filter.reviewed !== undefined && filter.reviewed !== 'yes' && filter.reviewed !== 'no') throw bad('« reviewed » doit valoir « yes » ou « no »');
  if (filter.minScore !== undefined && (typeof filter.minScore !== 'number' || !Number.isFinite(filter.minScore))) throw bad('« minScore » doit être un nombre');
}

function checkSelection(req: Record<string, unknown>): void {
  optionalStringArray(req, 'sessions');
  optionalStringArray(req, 'departments');
  checkFilter(req.filter);
}

export function validateExportsRequest(method: ApiMethod, req: Record<string, unknown>): void {
  switch (method) {
    case 'exports:start':
      checkSelection(req);
      if (!(EXPORT_FORMATS as readonly unknown[]).includes(req.format)) throw bad(`« format » doit valoir ${EXPORT_FORMATS.map((f) => `« ${f} »`).join(' ou ')}`);
      break;
    case 'exports:count':
      checkSelection(req);
      break;
    case 'exports:result':
    case 'exports:cancel':
      requiredString(req, 'id');
      break;
    case 'dossiers:contractSignature':
      requiredId(req, 'dossierId');
      break;
    case 'dossiers:setContractSignedAt':
      requiredId(req, 'dossierId');
      if (req.signedAt !== null && typeof req.signedAt !== 'string') throw bad('« signedAt » doit être une date (AAAA-MM-JJ) ou null');
      break;
    default:
      break;
  }
}
