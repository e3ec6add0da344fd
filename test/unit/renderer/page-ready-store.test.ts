import { describe, expect, it } from 'vitest';
import { bindReadyAttribute, usePageReadyStore } from '../../../renderer/stores/page-ready-store';

describe('bindReadyAttribute', () => {
  it('mirrors the ready flag onto the element as data-ready until unbound', () => {
    const attributes = new Map<string, string>();
    const element = { setAttribute: (name: string, value: string) => void attributes.set(name, value) } as unknown as HTMLElement;
    usePageReadyStore.getState().setReady(false);

    const unbind = bindReadyAttribute(element);
    expect(attributes.get('data-ready')).toBe('false');
    usePageReadyStore.getState().setReady(true);
    expect(attributes.get('data-ready')).toBe('true');

    unbind();
    usePageReadyStore.getState().setReady(false);
    expect(attributes.get('data-ready')).toBe('true');
  });
});
