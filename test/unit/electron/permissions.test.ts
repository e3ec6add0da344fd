import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setupPermissions } from '../../../electron/permissions';
import { resetFakeElectron, session } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(() => resetFakeElectron());

const PERMISSIONS = ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'openExternal', 'pointerLock', 'midi', 'hid', 'serial', 'usb', 'unknown'];

describe('browser permissions', () => {
  it('refuses every permission request', () => {
    setupPermissions();
    const handler = session.defaultSession.permissionRequestHandler;
    expect(handler).not.toBeNull();
    for (const permission of PERMISSIONS) {
      const callback = vi.fn();
      handler?.({}, permission, callback, { requestingUrl: 'app://cnfs/index.html' });
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false);
    }
  });

  it('answers no to every permission check', () => {
    setupPermissions();
    const check = session.defaultSession.permissionCheckHandler;
    expect(check).not.toBeNull();
    for (const permission of PERMISSIONS) expect(check?.({}, permission, 'app://cnfs', {}), permission).toBe(false);
  });
});
