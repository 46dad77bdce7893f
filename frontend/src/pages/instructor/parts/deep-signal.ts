/**
 * A resource's storage as a store, so that replacing its value (after a save) updates only
 * what changed: the views that show it keep their state instead of being drawn anew (Solid's
 * documented `createDeepSignal` pattern for `createResource({ storage })`).
 */
import type { Signal } from 'solid-js';
import { createStore, reconcile, unwrap } from 'solid-js/store';

export function createDeepSignal<T>(initial: T): Signal<T> {
  const [store, setStore] = createStore({ value: initial });
  const read = () => store.value;
  const write = (next: T | ((previous: T) => T)) => {
    const value = typeof next === 'function' ? (next as (previous: T) => T)(unwrap(store.value)) : next;
    setStore('value', reconcile(value));
    return store.value;
  };
  return [read, write] as Signal<T>;
}
