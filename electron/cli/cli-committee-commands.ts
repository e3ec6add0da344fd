/** CLI commands of the committee (issue 5): placeholder until the committee backend lands. */
import { ApiError } from '../../shared/api/contract';
import type { Backend } from '../backend/backend';

const notYet = (): never => {
  throw new ApiError('NOT_AVAILABLE', 'Les séances du comité ne sont pas encore disponibles.');
};

export async function runSessions(_backend: Backend, _options: { json: boolean }): Promise<number> {
  return notYet();
}

export async function runDecisions(_backend: Backend, _options: { session: string | undefined; json: boolean }): Promise<number> {
  return notYet();
}

export async function runMinutes(_backend: Backend, _options: { session: string; out: string }): Promise<number> {
  return notYet();
}
