import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { agendaMarkdown, escapeMarkdown } from './agenda-markdown';
import type { Agenda } from './agenda-types';

const agenda = (title: string, carriedOver = false, detail = 'SEV2 · resolved in 1h 05m'): Agenda => ({
  periodStart: new Date('2026-11-20T10:00:00Z'),
  periodEnd: new Date('2026-11-27T10:00:00Z'),
  sections: [
    { kind: 'incident', title: 'New incidents', items: [{ key: 'incident:1', kind: 'incident', refId: '1', title, detail, href: '/t/demo/incidents/7', carriedOver }] },
    { kind: 'drill', title: 'Drills held', items: [] },
  ],
});
const options = { teamName: 'Demo', origin: 'https://hindsight.example.com/', formatTime: (d: Date) => d.toISOString().slice(0, 10) };
const md = new MarkdownIt({ html: true, linkify: false });

describe('agendaMarkdown', () => {
  it('writes a heading per section, a bullet per item with an absolute link, and empty sections', () => {
    const text = agendaMarkdown(agenda('INC-7 Checkout down', true), options);
    expect(text).toContain('# Weekly review agenda: Demo');
    expect(text).toContain('Period: 2026-11-20 to 2026-11-27');
    expect(text).toContain('## New incidents (1)');
    expect(text).toContain('- [INC-7 Checkout down](<https://hindsight.example.com/t/demo/incidents/7>) **(carried over)** — SEV2 · resolved in 1h 05m');
    expect(text).toContain('## Drills held (0)\n\n_Nothing in this period._');
    const html = md.render(text);
    expect(html).toContain('<a href="https://hindsight.example.com/t/demo/incidents/7">INC-7 Checkout down</a>');
  });

  it('keeps links relative without an origin and leaves "carried over" off fresh items', () => {
    const text = agendaMarkdown(agenda('Plain'), { ...options, origin: undefined });
    expect(text).toContain('- [Plain](</t/demo/incidents/7>) — ');
    expect(text).not.toContain('carried over');
  });

  it('escapes titles so they cannot inject links, images or HTML', () => {
    const evil = 'x](https://evil.example) ![img](https://evil.example/a.png) <script>alert(1)</script> *bold* `code` [y]';
    const all = md.render(agendaMarkdown(agenda(evil, false, '<img src=x onerror=alert(1)> [z](javascript:alert(1))'), options));
    const html = all.slice(all.indexOf('<li>'), all.indexOf('</li>'));
    expect(html).not.toContain('evil.example"');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<em>');
    expect(html).not.toContain('<code>');
    expect(html).not.toContain('href="javascript');
    // Exactly one link: the item's own.
    expect(html.match(/<a /g)).toHaveLength(1);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('flattens newlines so a title cannot start a new block', () => {
    expect(escapeMarkdown('a\n# heading\n- item')).toBe('a # heading - item');
    const html = md.render(agendaMarkdown(agenda('Title\n# Injected heading\n\n- injected item'), options));
    expect(html).not.toContain('<h1>Injected');
    expect(html.match(/<li>/g)).toHaveLength(1);
  });
});
