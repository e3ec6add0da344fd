/** Shapes of the import methods' requests (each throws BAD_REQUEST with a French reason). */
import type { ImportMethod } from '../../../shared/api/import-contract';
import { bad, isObject, NO_CHECK, optionalString, type RequestChecks } from '../request-checks';

function noParameters(req: Record<string, unknown>): void {
  if (Object.keys(req).length > 0) throw bad(`aucun paramètre attendu (reçu : ${Object.keys(req).join(', ')})`);
}

export const IMPORT_REQUEST_CHECKS: RequestChecks<ImportMethod> = {
  'import:preview': (req) => {
    if (typeof req.fileName !== 'string' || req.fileName.length === 0) throw bad('nom de fichier manquant');
    if (!(req.data instanceof Uint8Array)) throw bad('contenu du fichier manquant');
    optionalString(req, 'sheet');
    if (req.mapping !== undefined && (!isObject(req.mapping) || Object.values(req.mapping).some((v) => typeof v !== 'string'))) throw bad('correspondance des colonnes invalide');
  },
  'import:commit': (req) => {
    if (typeof req.token !== 'string') throw bad('jeton d’aperçu manquant');
  },
  'import:template': NO_CHECK,
  'import:divergences': noParameters,
  'import:exportDivergences': noParameters,
};
