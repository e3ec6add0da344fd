/**
 * Peak RSS while the main thread is busy. Import and snapshot are long synchronous calls during
 * which a setInterval on the main thread never fires, so the sampling runs in a worker thread
 * (RSS is per process) and publishes the maximum through shared memory.
 */
import { Worker } from 'node:worker_threads';

const SAMPLER_SOURCE = `
const { workerData } = require('node:worker_threads');
const peak = new BigInt64Array(workerData.buffer);
setInterval(() => {
  const rss = BigInt(process.memoryUsage.rss());
  if (rss > Atomics.load(peak, 0)) Atomics.store(peak, 0, rss);
}, workerData.intervalMs);
`;

export interface MemoryPoint {
  /** Highest RSS seen since the last reset (MB). */
  peakRssMb: number;
  /** process.memoryUsage() at the end of the phase, before any gc (MB). */
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
}

const MB = 1024 * 1024;

export class MemorySampler {
  private readonly peak = new BigInt64Array(new SharedArrayBuffer(8));
  private readonly worker: Worker;

  constructor(intervalMs = 10) {
    this.worker = new Worker(SAMPLER_SOURCE, { eval: true, workerData: { buffer: this.peak.buffer, intervalMs } });
    this.worker.unref();
    this.reset();
  }

  /** Starts a new phase: the peak restarts from the current RSS. */
  reset(): void {
    Atomics.store(this.peak, 0, BigInt(process.memoryUsage.rss()));
  }

  read(): MemoryPoint {
    const usage = process.memoryUsage();
    const peak = Math.max(Number(Atomics.load(this.peak, 0)), usage.rss);
    return {
      peakRssMb: peak / MB,
      rssMb: usage.rss / MB,
      heapUsedMb: usage.heapUsed / MB,
      heapTotalMb: usage.heapTotal / MB,
      externalMb: usage.external / MB,
    };
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}
