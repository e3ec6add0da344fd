/** Backend -> UI events (ApiEvents): every host forwards what is emitted here to its clients. */
import type { ApiEventName, ApiEvents } from '../../../shared/api/contract';

export type BackendEventListener = <E extends ApiEventName>(name: E, payload: ApiEvents[E]) => void;

export class BackendEvents {
  private readonly listeners = new Set<BackendEventListener>();

  on(listener: BackendEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends ApiEventName>(name: E, payload: ApiEvents[E]): void {
    for (const listener of this.listeners) listener(name, payload);
  }
}
