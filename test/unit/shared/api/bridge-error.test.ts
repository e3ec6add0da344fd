import { describe, expect, it } from 'vitest';
import { fromBridgeMessage, toBridgeMessage } from '../../../../shared/api/bridge-error';

describe('errors across the context bridge', () => {
  it('reads back the code and French message written by the preload, behind Electron’s words', () => {
    const message = toBridgeMessage({ code: 'NOT_FOUND', message: 'Dossier « 42 » introuvable.' });
    expect(fromBridgeMessage(message)).toEqual({ code: 'NOT_FOUND', message: 'Dossier « 42 » introuvable.' });
    expect(fromBridgeMessage(`Error invoking remote method 'dossiers:get': Error: ${message}`)).toEqual({ code: 'NOT_FOUND', message: 'Dossier « 42 » introuvable.' });
  });

  it('finds nothing in a plain message or a broken shape', () => {
    expect(fromBridgeMessage('Failed to fetch')).toBeNull();
    expect(fromBridgeMessage('cnfs-api-error:{"code":1}')).toBeNull();
    expect(fromBridgeMessage('cnfs-api-error:{oops')).toBeNull();
  });
});
