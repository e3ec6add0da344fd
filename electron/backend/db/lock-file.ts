import fs from 'node:fs';
import os from 'node:os';
import { DbError } from './db-error';

interface LockInfo {
  pid: number;
  hostname: string;
  since: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(lockPath: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

/**
 * An exclusive lock next to the database: a second process is refused with a clear message;
 * a lock left by a crashed process on this machine is taken over.
 */
export class LockFile {
  private held = false;
  private readonly releaseOnExit = () => this.release();

  constructor(
    private readonly lockPath: string,
    private readonly label: string,
  ) {}

  acquire(): void {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = fs.openSync(this.lockPath, 'wx');
        const info: LockInfo = { pid: process.pid, hostname: os.hostname(), since: new Date().toISOString() };
        fs.writeSync(fd, JSON.stringify(info));
        fs.fsyncSync(fd);
        fs.closeSync(fd);
        this.held = true;
        process.once('exit', this.releaseOnExit);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const owner = readLock(this.lockPath);
        const stale = owner === null || (owner.hostname === os.hostname() && owner.pid !== process.pid && !isAlive(owner.pid));
        if (stale && attempt === 0) {
          fs.rmSync(this.lockPath, { force: true });
          continue;
        }
        const who = owner ? ` (processus ${owner.pid} sur « ${owner.hostname} », depuis le ${new Date(owner.since).toLocaleString('fr-FR')})` : '';
        throw new DbError('DB_LOCKED', `La base « ${this.label} » est déjà ouverte par un autre processus${who}. Fermez l’autre fenêtre ou commande de CNFS Revue, puis réessayez.`);
      }
    }
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    process.removeListener('exit', this.releaseOnExit);
    const owner = readLock(this.lockPath);
    if (owner?.pid === process.pid) fs.rmSync(this.lockPath, { force: true });
  }
}
