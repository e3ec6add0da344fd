/**
 * How busy the whole machine was during the bench. The bench itself keeps about 1.4 cores busy;
 * much more than that means other processes competed for the CPU and the timings are pessimistic.
 */
import os from 'node:os';

export interface CpuTimes {
  busy: number;
  total: number;
}

export function cpuTimes(): CpuTimes {
  let busy = 0;
  let total = 0;
  for (const cpu of os.cpus()) {
    const t = cpu.times;
    busy += t.user + t.nice + t.sys + t.irq;
    total += t.user + t.nice + t.sys + t.irq + t.idle;
  }
  return { busy, total };
}

/** Share of all cores' time spent busy since `since`, in cores (0 … number of CPUs). */
export function busyCores(since: CpuTimes): number {
  const now = cpuTimes();
  const total = now.total - since.total;
  return total > 0 ? ((now.busy - since.busy) / total) * os.cpus().length : 0;
}
