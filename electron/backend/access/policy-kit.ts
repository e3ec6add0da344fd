/** What a method's policy is made of (see api-policy.ts and access/guard.ts), shared by the policies of every area. */
import type { ApiMethod, ApiRequest, ApiResponse } from '../../../shared/api/contract';
import type { DbReader } from '../review/db-reader';
import type { Scope } from './scope';

export interface PolicyContext {
  scope: Scope;
  db: DbReader;
}

export interface Policy<M extends ApiMethod> {
  /** Refuses (throws) or returns the request to run, possibly narrowed to the scope. */
  check: (ctx: PolicyContext, request: ApiRequest<M>) => ApiRequest<M>;
  /** Narrows a response that lists departments. */
  filter?: (ctx: PolicyContext, response: ApiResponse<M>) => ApiResponse<M>;
}

/** An exhaustive policy map for a set of methods. */
export type Policies<M extends ApiMethod> = { [K in M]: Policy<K> };

/** Methods that touch no dossier data, or filter it themselves (see the comment at their entry). */
export const OPEN = { check: <R>(_ctx: PolicyContext, request: R): R => request };
export const REVIEWERS = ['PREFECTURE', 'COMMITTEE', 'ADMIN'] as const;
export const NATIONAL = ['COMMITTEE', 'ADMIN'] as const;

export const present = (ids: readonly (number | null | undefined)[]) => ids.filter((id): id is number => typeof id === 'number');
