import { ApiError } from '../../../shared/api/contract';

/** Errors opening or writing the database; messages are French and name the file. */
export class DbError extends ApiError {
  constructor(code: 'DB_LOCKED' | 'DB_MISSING' | 'DB_CORRUPT' | 'DB_TOO_NEW' | 'DB_FOREIGN' | 'DB_JOURNAL' | 'DB_WRITE', message: string) {
    super(code, message);
    this.name = 'DbError';
  }
}
