/** Who may call the territory methods: the figures are open, the targets are set by the national roles. */
import type { TerritoryMethod } from '../../../shared/api/territory-contract';
import { NATIONAL, OPEN, type Policies } from '../access/policy-kit';

export const TERRITORY_POLICY: Policies<TerritoryMethod> = {
  // Aggregate figures per department are not personal data: every profile sees the whole map (a
  // prefecture for context, its own departments highlighted); dossiers stay within the scope.
  'stats:departments': OPEN,
  // The same aggregates summed by region, for every profile (see stats:departments).
  'stats:regions': OPEN,
  'targets:distribute': { check: ({ scope }, req) => (scope.requireRole(NATIONAL, 'répartir l’objectif national de postes'), req) },
  // Lists the distributions (national) and only the department targets of the scope: see territoryHandlers.
  'targets:history': OPEN,
  // Keeps only the checks on a department of the scope, and only its dossiers: see territoryHandlers.
  'territory:checks': OPEN,
  // The same checks as territory:checks, as a file: filtered the same way in territoryHandlers.
  'territory:exportChecks': OPEN,
  'targets:importAgreed': { check: ({ scope }, req) => (scope.requireRole(NATIONAL, 'fixer les accords préalables de postes des départements'), req) },
};
