/** Shapes of the exports methods' requests (each throws BAD_REQUEST with a French reason). */
import { EXPORT_FORMATS, type ExportsMethod } from '../../../shared/api/exports-contract';
import { bad, isObject, NO_CHECK, optionalInteger, optionalString, optionalStringArray, requiredId, requiredString, type RequestChecks } from '../request-checks';

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

export const EXPORTS_REQUEST_CHECKS: RequestChecks<ExportsMethod> = {
  'exports:start': (req) => {
    checkSelection(req);
    if (!(EXPORT_FORMATS as readonly unknown[]).includes(req.format)) throw bad(`« format » doit valoir ${EXPORT_FORMATS.map((f) => `« ${f} »`).join(' ou ')}`);
  },
  'exports:result': (req) => requiredString(req, 'id'),
  'exports:cancel': (req) => requiredString(req, 'id'),
  'exports:count': checkSelection,
  'exports:sessions': NO_CHECK,
  'dossiers:contractSignature': (req) => requiredId(req, 'dossierId'),
  'dossiers:setContractSignedAt': (req) => {
    requiredId(req, 'dossierId');
    if (req.signedAt !== null && typeof req.signedAt !== 'string') throw bad('« signedAt » doit être une date (AAAA-MM-JJ) ou null');
  },
};
