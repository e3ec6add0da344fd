/**
 * The UI needs no browser permission (camera, notifications, geolocation, clipboard read, …):
 * every request and every check is refused, whatever the page asks.
 */
import { session } from 'electron';

export function setupPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}
