/**
 * A resource for views that refresh in place. Each answer is merged into one store
 * (`reconcile`), so the resource keeps the same value object and `<Load>` does not rebuild
 * the view on a refresh: only the numbers that changed update, an open `<details>` stays
 * open and focus stays where it was.
 */
import { createResource, type ResourceReturn } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';

export function createRefreshingResource<T extends object>(load: () => Promise<T>): ResourceReturn<T> {
  const [store, setStore] = createStore<{ value?: T }>({});
  return createResource(async () => {
    const fresh = await load();
    setStore('value', reconcile(fresh));
    return store.value as T;
  });
}
