/** CLI commands of the offline exchange (issue 7): placeholder until the exchange lands. */
import { ApiError } from '../../shared/api/contract';
import type { Backend } from '../backend/backend';

export type ExchangeCommand = ({ action: 'export'; department: string; out: string } | { action: 'import'; file: string }) & { json: boolean };

const notYet = (): never => {
  throw new ApiError('NOT_AVAILABLE', 'Les échanges avec les préfectures ne sont pas encore disponibles.');
};

export async function runPackage(_backend: Backend, _command: ExchangeCommand): Promise<number> {
  return notYet();
}

export async function runWorkbook(_backend: Backend, _command: ExchangeCommand): Promise<number> {
  return notYet();
}
