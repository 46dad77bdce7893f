import { describe, expect, it } from 'vitest';
import { escapeHtml, highlight, highlightToHtml, tokensToHtml } from './highlight';

describe('highlight', () => {
  it('happy: picks the grammar by the first word of a fence info string, in any case', () => {
    expect(highlight('walker W {}', 'Jac fragment')[0]).toEqual({ kind: 'keyword', text: 'walker' });
    expect(highlight('const x', 'js')[0]).toEqual({ kind: 'keyword', text: 'const' });
    expect(highlight('const x', ' javascript ')[0]).toEqual({ kind: 'keyword', text: 'const' });
  });

  it('edge: an unknown language, or none, is one plain token; empty source is no token', () => {
    expect(highlight('walker W {}', 'python')).toEqual([{ kind: 'plain', text: 'walker W {}' }]);
    expect(highlight('x', '')).toEqual([{ kind: 'plain', text: 'x' }]);
    expect(highlight('', 'jac')).toEqual([]);
    // A language name that is also an object property must not find a "grammar".
    expect(highlight('x', 'constructor')).toEqual([{ kind: 'plain', text: 'x' }]);
  });
});

describe('HTML', () => {
  it('happy: coloured tokens become spans with a tok- class; plain text is not wrapped', () => {
    expect(tokensToHtml(highlight('visit [-->];', 'jac'))).toBe(
      '<span class="tok-keyword">visit</span> <span class="tok-punctuation">[</span>' +
        '<span class="tok-operator">--&gt;</span><span class="tok-punctuation">]</span>' +
        '<span class="tok-punctuation">;</span>',
    );
  });

  it('security: every & < > " \' is escaped, in and out of tokens', () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;',
    );
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  it('security: hostile code in any language yields no markup of its own', () => {
    const hostile = [
      '"</span><img src=x onerror=alert(1)>"',
      "# <script>alert('x')</script>",
      'f"{\'<b>\'}" <!-- --> <![CDATA[ ]]> &lt;',
      '`${"\\"><svg onload=alert(1)>"}`',
      '<++> <--> "\' onmouseover="x',
    ];
    for (const source of hostile) {
      for (const language of ['jac', 'javascript', 'text']) {
        const html = highlightToHtml(source, language);
        // Only our own tags remain, and stripping them gives back the escaped source.
        expect(html.replace(/<span class="tok-[a-z]+">|<\/span>/g, '')).toBe(escapeHtml(source));
        expect(html.replace(/<span class="tok-[a-z]+">|<\/span>/g, '')).not.toMatch(/[<>"']/);
      }
    }
  });
});
