import { ApiError } from '../../shared/api/contract';
import { fromBridgeMessage } from '../../shared/api/bridge-error';

/** Gives any failure the contract's error shape; backend messages are already French. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error && typeof error === 'object') {
    const { code, message } = error as Record<string, unknown>;
    if (typeof code === 'string' && typeof message === 'string') return new ApiError(code, message);
    if (typeof message === 'string') {
      const shape = fromBridgeMessage(message);
      return shape ? new ApiError(shape.code, shape.message) : new ApiError('INTERNAL', `Erreur inattendue : ${message}`);
    }
  }
  return new ApiError('INTERNAL', `Erreur inattendue : ${String(error)}`);
}
