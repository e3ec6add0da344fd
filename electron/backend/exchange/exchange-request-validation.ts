/** Shapes of the exchange methods' requests (each throws BAD_REQUEST with a French reason). */
import type { ExchangeMethod } from '../../../shared/api/exchange-contract';
import { bad, NO_CHECK, optionalString, requiredId, requiredString, type RequestChecks } from '../request-checks';

const MAX_FILE_BYTES = 200 * 1024 * 1024;

function file(req: Record<string, unknown>): void {
  if (typeof req.fileName !== 'string' || req.fileName.length === 0) throw bad('nom de fichier manquant');
  if (!(req.data instanceof Uint8Array)) throw bad('contenu du fichier manquant');
  if (req.data.length > MAX_FILE_BYTES) throw bad('fichier de plus de 200 Mo');
}

const departmentCode = (req: Record<string, unknown>): void => requiredString(req, 'departmentCode');
const previewToken = (req: Record<string, unknown>): void => {
  if (typeof req.token !== 'string') throw bad('jeton d’aperçu manquant');
};

export const EXCHANGE_REQUEST_CHECKS: RequestChecks<ExchangeMethod> = {
  'exchange:exportPackage': departmentCode,
  'exchange:exportDossierPackage': departmentCode,
  'exchange:previewPackage': file,
  'exchange:importPackage': previewToken,
  'exchange:conflicts': (req) => {
    if (req.status !== undefined && !['OPEN', 'RESOLVED', 'SUPERSEDED', 'ALL'].includes(req.status as string)) throw bad('« status » doit valoir OPEN, RESOLVED, SUPERSEDED ou ALL');
  },
  'exchange:resolveConflict': (req) => {
    requiredId(req, 'id');
    if (req.keep !== 'local' && req.keep !== 'incoming') throw bad('« keep » doit valoir « local » ou « incoming »');
    optionalString(req, 'comment');
  },
  'exchange:log': NO_CHECK,
  'exchange:exportWorkbook': departmentCode,
  'exchange:previewWorkbook': file,
  'exchange:importWorkbook': previewToken,
};
