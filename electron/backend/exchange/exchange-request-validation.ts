/** Shapes of the exchange methods' requests (each throws BAD_REQUEST with a French reason). */
import type { ApiMethod } from '../../../shared/api/contract';
import { bad, optionalString, requiredId, requiredString } from '../request-checks';

const MAX_FILE_BYTES = 200 * 1024 * 1024;

function file(req: Record<string, unknown>): void {
  if (typeof req.fileName !== 'string' || req.fileName.length === 0) throw bad('nom de fichier manquant');
  if (!(req.data instanceof Uint8Array)) throw bad('contenu du fichier manquant');
  if (req.data.length > MAX_FILE_BYTES) throw bad('fichier de plus de 200 Mo');
}

export function validateExchangeRequest(method: ApiMethod, req: Record<string, unknown>): void {
  switch (method) {
    case 'exchange:exportPackage':
    case 'exchange:exportDossierPackage':
    case 'exchange:exportWorkbook':
      requiredString(req, 'departmentCode');
      break;
    case 'exchange:previewPackage':
    case 'exchange:previewWorkbook':
      file(req);
      break;
    case 'exchange:importPackage':
    case 'exchange:importWorkbook':
      if (typeof req.token !== 'string') throw bad('jeton d’aperçu manquant');
      break;
    case 'exchange:conflicts':
      if (req.status !== undefined && !['OPEN', 'RESOLVED', 'SUPERSEDED', 'ALL'].includes(req.status as string)) throw bad('« status » doit valoir OPEN, RESOLVED, SUPERSEDED ou ALL');
      break;
    case 'exchange:resolveConflict':
      requiredId(req, 'id');
      if (req.keep !== 'local' && req.keep !== 'incoming') throw bad('« keep » doit valoir « local » ou « incoming »');
      optionalString(req, 'comment');
      break;
    default:
      break;
  }
}
