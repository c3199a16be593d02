import { describe, expect, it } from 'vitest';
import { isSafeLink, renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders ordinary Markdown', () => {
    const html = renderMarkdown('# Impact\n\n**500s** for `checkout`:\n\n- one\n- two');
    expect(html).toContain('<h1>Impact</h1>');
    expect(html).toContain('<strong>500s</strong>');
    expect(html).toContain('<code>checkout</code>');
    expect(html).toContain('<li>one</li>');
  });

  it('escapes raw HTML: script tags and event handlers are inert text', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\nHello <img src=x onerror="alert(1)"> there');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  });

  it('does not turn javascript:, data: or vbscript: URLs into links or images', () => {
    for (const src of ['[x](javascript:alert(1))', '[x](JavaScript:alert(1))', '[x](&#106;avascript:alert(1))', '[x]( javascript:alert(1))', '![x](data:text/html;base64,PHNjcmlwdD4=)', '[x](vbscript:msgbox)', '<javascript:alert(1)>']) {
      const html = renderMarkdown(src);
      expect(html, src).not.toMatch(/<a |<img /);
      expect(html, src).not.toMatch(/href="(javascript|data|vbscript)/i);
    }
  });

  it('keeps http(s), mailto and relative links, with a safe rel', () => {
    expect(renderMarkdown('[runbook](https://example.com/rb)')).toContain('<a href="https://example.com/rb" rel="noopener noreferrer nofollow">runbook</a>');
    expect(renderMarkdown('[mail](mailto:sre@example.com)')).toContain('href="mailto:sre@example.com"');
    expect(renderMarkdown('[INC-4](/t/acme/incidents/4)')).toContain('href="/t/acme/incidents/4"');
    expect(renderMarkdown('see https://status.example.com now')).toContain('<a href="https://status.example.com"');
  });

  it('escapes quotes in link attributes', () => {
    const html = renderMarkdown('[x](https://example.com/"onmouseover="alert(1))');
    expect(html).not.toContain('"onmouseover="');
  });
});

describe('isSafeLink', () => {
  it('allows only http(s), mailto and scheme-less URLs', () => {
    expect(isSafeLink('https://a.example')).toBe(true);
    expect(isSafeLink('HTTP://a.example')).toBe(true);
    expect(isSafeLink('mailto:a@b.c')).toBe(true);
    expect(isSafeLink('../x')).toBe(true);
    expect(isSafeLink('#anchor')).toBe(true);
    expect(isSafeLink('javascript:alert(1)')).toBe(false);
    expect(isSafeLink('file:///etc/passwd')).toBe(false);
    expect(isSafeLink('ftp://x')).toBe(false);
  });
});
