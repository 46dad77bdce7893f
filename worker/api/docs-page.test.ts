import { describe, expect, it } from 'vitest';
import { renderDocsPage } from './docs-page';

describe('renderDocsPage', () => {
  const doc = {
    openapi: '3.1.0',
    info: { title: 'Jeseci API', version: '1.2.3', description: 'Test <b>doc</b>' },
    paths: {
      '/api/things/{id}': {
        get: { tags: ['things'], summary: 'Get a <thing>', responses: { '200': { description: 'OK' } } },
        delete: { summary: 'Untagged', responses: {} },
      },
    },
  };

  it('lists each operation under its tag, with method and path', () => {
    const html = renderDocsPage(doc);
    expect(html).toContain('<h2>things</h2>');
    expect(html).toContain('<h2>other</h2>');
    expect(html).toMatch(/class="m get">get<\/span> \/api\/things\/\{id\}/);
    expect(html).toContain('Version 1.2.3.');
  });

  it('escapes text from the document, so the page cannot be made to run markup', () => {
    const html = renderDocsPage(doc);
    expect(html).toContain('Get a &lt;thing&gt;');
    expect(html).toContain('Test &lt;b&gt;doc&lt;/b&gt;');
    expect(html).not.toContain('<b>doc</b>');
    expect(html).not.toContain('<script');
  });
});
