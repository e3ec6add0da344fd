/**
 * Exports started from the UI run in the background of the backend: `start` returns at once, the
 * rows are read and written page by page between the other calls (which the backend keeps
 * answering), progress goes out as 'export:progress' events, and `result` hands over the file.
 * The XLSX streams through exceljs's WorkbookWriter into memory as compressed bytes only.
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { ApiError } from '../../../shared/api/contract';
import type { DecisionExportRequest, ExportFile, ExportJob, ExportProgress } from '../../../shared/api/exports-contract';
import type { Store } from '../db/store';
import type { BackendEvents } from '../host/backend-events';
import { CANCELLED_CODE, exportFileName, runDecisionExport, STALE_CODE, writerFor } from './decision-export';
import { checkSessions, countDecisions } from './decision-rows';

/** A file nobody fetched is dropped after this delay. */
const KEEP_MS = 10 * 60_000;
/** A change of the base during an export restarts it, up to this many times. */
const ATTEMPTS = 3;

interface Job {
  id: string;
  /** Profile that started it: only that profile fetches or cancels it. */
  owner: number | null;
  fileName: string;
  total: number;
  controller: AbortController;
  file: Promise<ExportFile>;
  timer: NodeJS.Timeout | null;
}

/** Collects what a writer produces (the compressed file). */
function memorySink(): { stream: Writable; bytes: () => Uint8Array } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  return { stream, bytes: () => new Uint8Array(Buffer.concat(chunks)) };
}

export class ExportJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly store: Store,
    private readonly events: BackendEvents,
  ) {}

  start(request: DecisionExportRequest, owner: number | null): ExportJob {
    checkSessions(this.store.db, request.sessions);
    const id = randomUUID();
    const total = countDecisions(this.store.db, request);
    const fileName = exportFileName(request, request.format, new Date().toISOString());
    const running = { id, owner, fileName, total, controller: new AbortController(), timer: null };
    const job: Job = { ...running, file: this.run(running, request) };
    // Failures reach the caller through `result`; the job is dropped later if nobody asks.
    job.file.then(
      () => this.expire(job),
      () => this.expire(job),
    );
    this.jobs.set(id, job);
    return { id, fileName, total };
  }

  private async run(job: Omit<Job, 'file'>, request: DecisionExportRequest): Promise<ExportFile> {
    const emit = (done: number, total: number, state: ExportProgress['state']) => this.events.emit('export:progress', { id: job.id, done, total, state });
    for (let attempt = 1; ; attempt += 1) {
      const sink = memorySink();
      try {
        const { rows } = await runDecisionExport({ db: this.store.db, version: () => this.store.version }, request, writerFor(request.format, sink.stream), {
          signal: job.controller.signal,
          onProgress: (done, total) => emit(done, total, 'running'),
        });
        emit(rows, rows, 'done');
        return { fileName: job.fileName, data: sink.bytes(), rows };
      } catch (error) {
        sink.stream.destroy();
        if (error instanceof ApiError && error.code === STALE_CODE && attempt < ATTEMPTS) continue;
        emit(0, job.total, error instanceof ApiError && error.code === CANCELLED_CODE ? 'cancelled' : 'failed');
        throw error;
      }
    }
  }

  private expire(job: Omit<Job, 'file'>): void {
    job.timer = setTimeout(() => this.jobs.delete(job.id), KEEP_MS);
    job.timer.unref();
  }

  private find(id: string, owner: number | null): Job {
    const job = this.jobs.get(id);
    if (!job || job.owner !== owner) throw new ApiError('NOT_FOUND', 'Cet export n’existe pas ou son fichier a déjà été récupéré : relancez l’export.');
    return job;
  }

  /** Waits for the file, then forgets the job. */
  async result(id: string, owner: number | null): Promise<ExportFile> {
    const job = this.find(id, owner);
    try {
      return await job.file;
    } finally {
      if (job.timer) clearTimeout(job.timer);
      this.jobs.delete(id);
    }
  }

  cancel(id: string, owner: number | null): { cancelled: boolean } {
    const job = this.find(id, owner);
    // A finished job has its expiry timer: there is nothing left to stop.
    if (job.timer) return { cancelled: false };
    job.controller.abort();
    return { cancelled: true };
  }
}
