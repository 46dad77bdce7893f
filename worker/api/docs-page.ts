/**
 * A self-contained HTML reference rendered on the server from the OpenAPI document. It
 * needs no script and no CDN (Swagger UI would need both), so it works offline and under
 * the strict Content-Security-Policy.
 */
import type { App } from './app';

type OpenAPIObject = ReturnType<App['getOpenAPI31Document']>;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

const json = (value: unknown) => escapeHtml(JSON.stringify(value, null, 2));

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:960px;padding:2rem;color:#1b1f24;background:#fff}
h1{margin:0 0 .25rem}h2{margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.25rem;text-transform:capitalize}
details{border:1px solid #d0d7de;border-radius:6px;margin:.5rem 0;padding:.5rem .75rem}
summary{cursor:pointer;font-family:ui-monospace,monospace}
.m{display:inline-block;min-width:4.5rem;font-weight:700;text-transform:uppercase}
.get{color:#0969da}.post{color:#1a7f37}.put,.patch{color:#9a6700}.delete{color:#cf222e}
pre{background:#f6f8fa;padding:.75rem;border-radius:6px;overflow:auto;font-size:13px}
@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}pre{background:#161b22}details{border-color:#30363d}}`;

export function renderDocsPage(doc: OpenAPIObject): string {
  const byTag = new Map<string, string[]>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const responses = Object.entries(op.responses ?? {})
        .map(([status, res]) => {
          const schema = (res as { content?: Record<string, { schema?: unknown }> }).content?.['application/json']
            ?.schema;
          const description = (res as { description?: string }).description ?? '';
          return `<h4>${escapeHtml(status)} ${escapeHtml(description)}</h4>${schema ? `<pre>${json(schema)}</pre>` : ''}`;
        })
        .join('');
      const params = op.parameters?.length ? `<h4>Parameters</h4><pre>${json(op.parameters)}</pre>` : '';
      const body = op.requestBody ? `<h4>Request body</h4><pre>${json(op.requestBody)}</pre>` : '';
      const html = `<details><summary><span class="m ${method}">${method}</span> ${escapeHtml(path)} — ${escapeHtml(op.summary ?? '')}</summary>${params}${body}${responses}</details>`;
      const tag = op.tags?.[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  }
  const sections = [...byTag].map(([tag, ops]) => `<h2>${escapeHtml(tag)}</h2>${ops.join('')}`).join('');
  const schemas = doc.components?.schemas
    ? `<h2>Schemas</h2>${Object.entries(doc.components.schemas)
        .map(([name, schema]) => `<details><summary>${escapeHtml(name)}</summary><pre>${json(schema)}</pre></details>`)
        .join('')}`
    : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(doc.info.title)} — API reference</title><style>${STYLE}</style></head><body>
<h1>${escapeHtml(doc.info.title)}</h1><p>Version ${escapeHtml(doc.info.version)}. ${escapeHtml(doc.info.description ?? '')}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${escapeHtml(doc.openapi)}).</p>${sections}${schemas}</body></html>`;
}
