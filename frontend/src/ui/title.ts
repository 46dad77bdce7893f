/** Sets the document title for a screen, so tabs, history and screen readers name the page. */
import { createEffect } from 'solid-js';

export function usePageTitle(title: () => string | undefined): void {
  createEffect(() => {
    const text = title();
    document.title = text ? `${text} · Jeseci` : 'Jeseci';
  });
}
