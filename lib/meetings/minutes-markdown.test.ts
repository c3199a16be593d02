import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, renderMinutes, type MinutesInput } from './minutes-markdown';

const base: MinutesInput = {
  teamName: 'Payments',
  zone: 'Europe/Berlin',
  status: 'ended',
  heldAt: '2026-03-12T09:00:00Z',
  endedAt: '2026-03-12T10:05:00Z',
  periodStart: '2026-03-05T09:00:00Z',
  periodEnd: '2026-03-12T09:00:00Z',
  facilitator: { name: 'Ada Admin' },
  attendees: [{ name: 'Ada Admin' }, { name: 'Ed Editor' }],
  sectionTitle: (kind) => (kind === 'incident' ? 'New incidents' : 'Metrics'),
  items: [
    { kind: 'incident', title: 'INC-4: Queue backlog', detail: 'SEV2', status: 'discussed', carriedOver: false, notes: [{ kind: 'note', body: 'Lag alert fired late.', authorName: 'Ed Editor' }, { kind: 'decision', body: 'Page on lag > 30 s.', authorName: 'Ada Admin' }] },
    { kind: 'metrics', title: 'MTTR and MTBF', detail: '', status: 'carried_over', carriedOver: true, notes: [] },
  ],
  general: [{ kind: 'note', body: 'Next week: drill.', authorName: null }],
  actionsCreated: [{ title: 'Alert on queue lag', owner: { name: 'Ed Editor' }, dueDate: '2026-03-20', status: 'open', incident: { number: 4 } }],
  incidentsReviewed: [{ number: 4, title: 'Queue backlog', reviewedAt: '2026-03-12T09:20:00Z' }],
};

const md = new MarkdownIt({ html: true, linkify: true });

describe('renderMinutes', () => {
  it('lists attendees, items in order with their notes and decisions, actions, reviews and carry-overs', () => {
    const out = renderMinutes(base);
    expect(out).toContain('# Weekly review: Payments, 2026-03-12');
    expect(out).toContain('- Held: 2026-03-12 10:00 to 2026-03-12 11:05 (Europe/Berlin)');
    expect(out).toContain('- Facilitator: Ada Admin');
    expect(out).toContain('- Attendees: Ada Admin, Ed Editor');
    expect(out).toContain('### New incidents\n\n#### 1. INC-4: Queue backlog (discussed)');
    expect(out).toContain('- Note (Ed Editor): Lag alert fired late.');
    expect(out).toContain('- **Decision** (Ada Admin): Page on lag \\> 30 s.');
    expect(out).toMatch(/## Decisions\n\n- Page on lag \\> 30 s\. \(on INC-4: Queue backlog\)|## Decisions\n\n- Page on lag \\> 30 s. \(on INC-4: Queue backlog\)/);
    expect(out).toContain('#### 2. MTTR and MTBF (carried over, carried over from the last meeting)');
    expect(out).toContain('- Alert on queue lag (INC-4; owner: Ed Editor; due: 2026-03-20; open)');
    expect(out).toContain('- INC-4: Queue backlog (2026-03-12 10:20)');
    expect(out).toMatch(/## Carried over to the next meeting\n\n- MTTR and MTBF\n$/);
  });

  it('says so when nothing happened', () => {
    const out = renderMinutes({ ...base, items: [], general: [], actionsCreated: [], incidentsReviewed: [], facilitator: null });
    expect(out).toContain('The agenda was empty.');
    expect(out).toContain('- Facilitator: none');
    expect(out).toContain('## Carried over to the next meeting\n\nNothing: every item was reached.');
  });

  it('keeps titles and notes plain text: no links, images, HTML or headings survive rendering', () => {
    const evil = '[click](javascript:alert(1)) ![x](http://e.vil/p.png) <img src=x onerror=alert(1)> https://e.vil/a www.e.vil <https://e.vil>';
    const out = renderMinutes({
      ...base,
      teamName: evil,
      facilitator: { name: '<b>boss</b>' },
      items: [{ kind: 'incident', title: evil, detail: '# not a heading', status: 'pending', carriedOver: false, notes: [{ kind: 'note', body: `first line\n# heading\n- list\n1. ordered\n${evil}`, authorName: '[me](http://x)' }] }],
      general: [{ kind: 'decision', body: evil, authorName: null }],
    });
    const html = md.render(out);
    expect(html).not.toMatch(/<a[\s>]/);
    expect(html).not.toMatch(/<img/);
    expect(html).not.toMatch(/<b>/);
    expect(html).not.toContain('<h1>#');
    expect((html.match(/<h1>/g) ?? []).length).toBe(1);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('[click](javascript:alert(1))');
  });

  it('escapes line-start markers and inline syntax', () => {
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('12. item')).toBe('12\\. item');
    expect(escapeMarkdown('a_b*c`d')).toBe('a\\_b\\*c\\`d');
    expect(escapeMarkdown('see https://x.y')).toBe('see https\\://x.y');
  });
});
