/** Shapes of the exports methods' requests (each throws BAD_REQUEST with a French reason). */
import { EXPORT_FORMATS, type ExportsMethod } from '../../../shared/api/exports-contract';
import { bad, dossierFilterFields, isObject, NO_CHECK, optionalStringArray, requiredId, requiredString, type RequestChecks } from '../request-checks';

/** The dossier list's filter, as dossiers:list accepts it. */
function checkFilter(filter: unknown): void {
  if (filter === undefined) return;
  if (!isObject(filter)) throw bad('« filter » doit être un objet');
  dossierFilterFields(filter);
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
