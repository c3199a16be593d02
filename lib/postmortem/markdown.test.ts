import { describe, expect, it } from 'vitest';
import MarkdownIt from 'markdown-it';
import { isSafeLink, renderMarkdown, withoutUnsafeLinks } from './markdown';

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

describe('withoutUnsafeLinks', () => {
  // What a consumer that accepts every link target makes of the result.
  const permissive = new MarkdownIt({ html: true, linkify: true });
  permissive.validateLink = () => true;
  const hrefs = (markdown: string) => [...permissive.render(markdown).matchAll(/(?:href|src)="([^"]*)"/g)].map((m) => m[1]);

  it('leaves safe links and other text exactly as written', () => {
    const source = '# Title\n\nSee [the runbook](https://runbooks.test/db) and [notes](./notes.md).\n\n- `code [x](y)`\n';
    expect(withoutUnsafeLinks(source)).toBe(source);
  });

  it.each([
    ['inline', '[x](javascript:alert(1))'],
    ['upper case', '[x](JAVASCRIPT:alert(1))'],
    ['entity-encoded scheme', '[x](&#106;avascript:alert(1))'],
    ['image', '![x](javascript:alert(1))'],
    ['data URL', '[x](data:text/html,<script>alert(1)</script>)'],
    ['reference', '[x][r]\n\n[r]: javascript:alert(1)'],
    ['escaped backslash before the bracket', '\\\\[x](javascript:alert(1))'],
    ['in a table cell', '| a | b |\n| --- | --- |\n| [x](vbscript:msgbox(1)) | ok |'],
    ['in a list, next to a safe link', '- [ok](https://ok.test) then [x](javascript:alert(1))'],
  ])('turns an unsafe link into text: %s', (_, source) => {
    expect(hrefs(withoutUnsafeLinks(source)).filter((h) => !isSafeLink(h!))).toEqual([]);
    expect(hrefs(source).filter((h) => !isSafeLink(h!)).length).toBeGreaterThan(0);
  });

  it('shows the text of the unsafe link as the app does', () => {
    expect(renderMarkdown(withoutUnsafeLinks('Go [there](javascript:alert(1)) now'))).toBe('<p>Go [there](javascript:alert(1)) now</p>\n');
  });
});
