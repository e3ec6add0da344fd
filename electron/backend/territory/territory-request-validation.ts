/** Shapes of the territory methods' requests (each throws BAD_REQUEST with a French reason). */
import type { TerritoryMethod } from '../../../shared/api/territory-contract';
import { bad, NO_CHECK, numberOrNull, optionalString, type RequestChecks } from '../request-checks';

function tolerance(req: Record<string, unknown>): void {
  if (req.tolerancePercent !== undefined && (typeof req.tolerancePercent !== 'number' || !Number.isFinite(req.tolerancePercent) || req.tolerancePercent < 0 || req.tolerancePercent > 1000)) {
    throw bad('« tolerancePercent » doit être un nombre de 0 à 1 000');
  }
}

export const TERRITORY_REQUEST_CHECKS: RequestChecks<TerritoryMethod> = {
  'stats:departments': NO_CHECK,
  'stats:regions': NO_CHECK,
  'targets:distribute': (req) => {
    // Whole numbers and their bounds are the distribution's rules (a French VALIDATION message).
    numberOrNull(req, 'total', false);
    numberOrNull(req, 'floor', false);
    if (req.total === null || req.floor === null) throw bad('« total » et « floor » doivent être des nombres');
    optionalString(req, 'key');
  },
  'targets:history': NO_CHECK,
  'territory:checks': tolerance,
  'territory:exportChecks': (req) => {
    tolerance(req);
    if (req.format !== 'csv' && req.format !== 'xlsx') throw bad('« format » doit valoir « csv » ou « xlsx »');
  },
  'targets:importAgreed': (req) => {
    if (typeof req.fileName !== 'string' || req.fileName.length === 0) throw bad('nom de fichier manquant');
    if (!(req.data instanceof Uint8Array)) throw bad('contenu du fichier manquant');
    optionalString(req, 'sheet');
    if (req.commit !== undefined && typeof req.commit !== 'boolean') throw bad('« commit » doit valoir true ou false');
  },
};
