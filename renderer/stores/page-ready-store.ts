import { useLayoutEffect } from 'react';
import { create } from 'zustand';

/**
 * Whether the current page shows the data it asked for. Rendered as `data-ready` on the app
 * root: end-to-end tests wait on it instead of sleeping.
 */
interface PageReadyState {
  ready: boolean;
  setReady: (ready: boolean) => void;
}

export const usePageReadyStore = create<PageReadyState>((set) => ({
  ready: false,
  setReady: (ready) => set({ ready }),
}));

/**
 * Mirrors the flag onto an element outside React rendering: re-rendering the app on every
 * flip would redraw the whole page twice per request.
 */
export function bindReadyAttribute(element: HTMLElement): () => void {
  const write = (ready: boolean) => element.setAttribute('data-ready', String(ready));
  write(usePageReadyStore.getState().ready);
  return usePageReadyStore.subscribe((state) => write(state.ready));
}

/** Pages call this with their loading state; a layout effect keeps the attribute in step with the paint. */
export function useReportReady(ready: boolean): void {
  const setReady = usePageReadyStore((state) => state.setReady);
  useLayoutEffect(() => {
    setReady(ready);
  }, [ready, setReady]);
  useLayoutEffect(() => () => setReady(false), [setReady]);
}
