/** Any path the app does not know. */
import { A } from '@solidjs/router';
import type { JSX } from 'solid-js';
import { usePageTitle } from '../../ui/title';

export default function NotFound(): JSX.Element {
  usePageTitle(() => 'Page not found');
  return (
    <section class="card narrow">
      <h1>Page not found</h1>
      <p>There is nothing at this address. It may have moved, or the link may be mistyped.</p>
      <A href="/">Go to the start page</A>
    </section>
  );
}
