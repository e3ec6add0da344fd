import { ApiError } from '../../shared/api/contract';

/** Set by electron/preload.ts: only an Error's message crosses the context bridge, so it carries the JSON error shape. */
const BRIDGE_ERROR_PREFIX = 'cnfs-api-error:';

function fromBridgeMessage(message: string): ApiError | null {
  const start = message.indexOf(BRIDGE_ERROR_PREFIX);
  if (start < 0) return null;
  try {
    const shape: unknown = JSON.parse(message.slice(start + BRIDGE_ERROR_PREFIX.length));
    const { code, message: text } = (shape ?? {}) as Record<string, unknown>;
    return typeof code === 'string' && typeof text === 'string' ? new ApiError(code, text) : null;
  } catch {
    return null;
  }
}

/** Gives any failure the contract's error shape; backend messages are already French. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error && typeof error === 'object') {
    const { code, message } = error as Record<string, unknown>;
    if (typeof code === 'string' && typeof message === 'string') return new ApiError(code, message);
    if (typeof message === 'string') return fromBridgeMessage(message) ?? new ApiError('INTERNAL', `Erreur inattendue : ${message}`);
  }
  return new ApiError('INTERNAL', `Erreur inattendue : ${String(error)}`);
}
