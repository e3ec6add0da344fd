/** Reads that work both on the database and inside a write transaction (same queries either way). */
import type { WriteTx } from '../db/store';

export type DbReader = Pick<WriteTx, 'all' | 'get' | 'value'>;
