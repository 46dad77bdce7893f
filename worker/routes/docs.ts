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

export function registerDocsRoutes(app: App): void {
  app.doc31('/api/openapi.json', DOCUMENT);
  // Rendered once per isolate: the routes cannot change after start-up.
  let page: string | undefined;
  app.get('/api/docs', (c) => c.html((page ??= renderDocsPage(app.getOpenAPI31Document(DOCUMENT)))));
}
