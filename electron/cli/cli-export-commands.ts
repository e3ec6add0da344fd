/** CLI command of the decision exports (issue 6): placeholder until the exports land. */
import { ApiError } from '../../shared/api/contract';
import type { Backend } from '../backend/backend';

export interface ExportOptions {
  out: string;
  sessions: string[] | undefined;
  departments: string[] | undefined;
  csv: boolean;
  json: boolean;
}

export async function runExport(_backend: Backend, _options: ExportOptions): Promise<number> {
  throw new ApiError('NOT_AVAILABLE', 'L’export des décisions n’est pas encore disponible.');
}
