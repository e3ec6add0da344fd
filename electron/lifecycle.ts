/** One instance per user, and a quit that waits for the database to be saved. */
import { app } from 'electron';

/** False when another instance holds the lock: this one quits, the other is told and comes forward. */
export function claimSingleInstance(onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', onSecondInstance);
  return true;
}

/**
 * Quitting first closes the backend (queued calls finish, the final snapshot is written, the lock
 * released), then quits for real; closing the last window quits.
 */
export function setupQuit(backend: { close(): Promise<void> }): void {
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    // The journal stays the durable copy when the final snapshot fails: say so, and quit anyway.
    const quit = () => app.quit();
    void backend.close().then(quit, (error: unknown) => {
      console.error(`Fermeture : la base n’a pas été enregistrée (${error instanceof Error ? error.message : String(error)}) ; son journal la restaurera à l’ouverture.`);
      quit();
    });
  });
  app.on('window-all-closed', () => app.quit());
}
