import type { ApiEventName, ApiEvents, ApiMethod, ApiRequest, ApiResponse } from '../../../shared/api/contract';

/** What a host needs from the backend, whether it runs in a worker or in-process. */
export interface ApiTransport {
  call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponse<M>>;
  onEvent(listener: <E extends ApiEventName>(name: E, payload: ApiEvents[E]) => void): () => void;
}
