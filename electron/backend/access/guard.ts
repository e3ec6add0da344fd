/**
 * The one place where the current profile's scope and role are enforced: every handler runs behind
 * its method's policy (see api-policy.ts, the union of the areas' `<area>-policy.ts`). Handlers then
 * only read what the policy let through. Access control imports no area: the areas import it.
 */
import { API_METHODS, type ApiMethod, type ApiRequest, type ApiResponse } from '../../../shared/api/contract';
import type { DbReader } from '../review/db-reader';
import type { Scope } from './scope';
import type { Policies, PolicyContext } from './policy-kit';

export type ScopedHandlers = { [M in ApiMethod]: (request: ApiRequest<M>, scope: Scope) => Promise<ApiResponse<M>> };
export type ApiHandlers = { [M in ApiMethod]: (request: ApiRequest<M>) => Promise<ApiResponse<M>> };

type AnyPolicy = { check: (ctx: PolicyContext, request: unknown) => unknown; filter?: (ctx: PolicyContext, response: unknown) => unknown };
type AnyHandler = (request: unknown, scope: Scope) => Promise<unknown>;

/** Every handler behind its policy, with the scope of the profile current at the time of the call. */
export function guardHandlers(handlers: ScopedHandlers, policies: Policies<ApiMethod>, scopeOf: () => Scope, db: DbReader): ApiHandlers {
  const guarded: Partial<Record<ApiMethod, (request: unknown) => Promise<unknown>>> = {};
  for (const method of API_METHODS) {
    const policy = policies[method] as AnyPolicy;
    const handler = handlers[method] as AnyHandler;
    guarded[method] = async (request) => {
      const ctx = { scope: scopeOf(), db };
      const response = await handler(policy.check(ctx, request), ctx.scope);
      return policy.filter ? policy.filter(ctx, response) : response;
    };
  }
  return guarded as ApiHandlers;
}
