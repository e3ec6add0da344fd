/**
 * Only an Error's message crosses Electron's context bridge: the preload writes the error shape
 * into the message behind this prefix, and the renderer's client reads it back.
 */
import type { ApiErrorShape } from './contract';

const BRIDGE_ERROR_PREFIX = 'cnfs-api-error:';

export function toBridgeMessage(error: Pick<ApiErrorShape, 'code' | 'message'>): string {
  return `${BRIDGE_ERROR_PREFIX}${JSON.stringify({ code: error.code, message: error.message })}`;
}

/** The shape carried in a message (Electron may put text before it), or null when there is none. */
export function fromBridgeMessage(message: string): Pick<ApiErrorShape, 'code' | 'message'> | null {
  const start = message.indexOf(BRIDGE_ERROR_PREFIX);
  if (start < 0) return null;
  try {
    const shape: unknown = JSON.parse(message.slice(start + BRIDGE_ERROR_PREFIX.length));
    const { code, message: text } = (shape ?? {}) as Record<string, unknown>;
    return typeof code === 'string' && typeof text === 'string' ? { code, message: text } : null;
  } catch {
    return null;
  }
}
