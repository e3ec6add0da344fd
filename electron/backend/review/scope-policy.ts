/**
 * The one place where the current profile's scope and role are enforced: a policy for every
 * method of the contract (the map is exhaustive, so a new method does not compile without one),
 * run before its handler. Handlers then only read what the policy let through. The areas of the
 * later issues keep their policies beside their handlers (committee, exports, exchange).
 */
import { API_METHODS, type ApiMethod, type ApiRequest, type ApiResponse } from '../../../shared/api/contract';
import { COMMITTEE_POLICY } from '../committee/committee-policy';
import { DOSSIERS_POLICY } from '../dossiers/dossiers-policy';
import { TERRITORY_POLICY } from '../territory/territory-policy';
import { REVIEW_POLICY } from './review-policy';
import { EXCHANGE_POLICY } from '../exchange/exchange-policy';
import { EXPORTS_POLICY } from '../exports/exports-policy';
import { IMPORT_POLICY } from '../import/import-policy';
import { INTEGRITY_POLICY } from '../integrity/integrity-policy';
import type { DbReader } from './db-reader';
import type { Scope } from './scope';
import type { Policy, PolicyContext } from './policy-kit';

export const SCOPE_POLICY: { [M in ApiMethod]: Policy<M> } = {
  ...DOSSIERS_POLICY,
  ...TERRITORY_POLICY,
  ...REVIEW_POLICY,
  ...COMMITTEE_POLICY,
  ...EXPORTS_POLICY,
  ...EXCHANGE_POLICY,
  ...IMPORT_POLICY,
  ...INTEGRITY_POLICY,
};

export type ScopedHandlers = { [M in ApiMethod]: (request: ApiRequest<M>, scope: Scope) => Promise<ApiResponse<M>> };
export type ApiHandlers = { [M in ApiMethod]: (request: ApiRequest<M>) => Promise<ApiResponse<M>> };

type AnyPolicy = { check: (ctx: PolicyContext, request: unknown) => unknown; filter?: (ctx: PolicyContext, response: unknown) => unknown };
type AnyHandler = (request: unknown, scope: Scope) => Promise<unknown>;

/** Every handler behind its policy, with the scope of the profile current at the time of the call. */
export function guardHandlers(handlers: ScopedHandlers, scopeOf: () => Scope, db: DbReader): ApiHandlers {
  const guarded: Partial<Record<ApiMethod, (request: unknown) => Promise<unknown>>> = {};
  for (const method of API_METHODS) {
    const policy = SCOPE_POLICY[method] as AnyPolicy;
    const handler = handlers[method] as AnyHandler;
    guarded[method] = async (request) => {
      const ctx = { scope: scopeOf(), db };
      const response = await handler(policy.check(ctx, request), ctx.scope);
      return policy.filter ? policy.filter(ctx, response) : response;
    };
  }
  return guarded as ApiHandlers;
}
