/** The OpenAPI document (`/api/openapi.json`) and its human-readable page (`/api/docs`). */
import pkg from '../../package.json';
import type { App } from '../api/app';
import { renderDocsPage } from '../api/docs-page';

const DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Jeseci API',
    version: pkg.version,
    description:
      'Adaptive learning platform API. Every error has the body { error: { code, message, requestId, details? } }.',
  },
};

export const DOCS_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function registerDocsRoutes(app: App): void {
  app.doc31('/api/openapi.json', DOCUMENT);
  // Rendered once per isolate: the routes cannot change after start-up.
  let page: string | undefined;
  app.get('/api/docs', (c) => {
    // The page has inline styles and links but no script, images or forms.
    c.header('Content-Security-Policy', DOCS_PAGE_CSP);
    return c.html((page ??= renderDocsPage(app.getOpenAPI31Document(DOCUMENT))));
  });
}
