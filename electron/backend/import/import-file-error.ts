import { ApiError } from '../../../shared/api/contract';

export const IMPORT_FILE_INVALID = 'IMPORT_FILE_INVALID';

/** A file refused as a whole (as opposed to single records, which are reported as malformed). */
export class ImportFileError extends ApiError {
  constructor(message: string, details?: unknown) {
    super(IMPORT_FILE_INVALID, message, details);
    this.name = 'ImportFileError';
  }
}

/** « name », as every refusal message quotes the file or sheet it is about. */
export function quoted(name: string): string {
  return `« ${name} »`;
}

/** The lowercase extension, used only to word refusal messages: formats are recognised by content. */
export function extensionOf(fileName: string): string {
  return /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
}
