import { describe, expect, it } from 'vitest';
import { buildPostmortemMarkdown, escapeHtml, exportFileName, type ExportData } from './export';

const data: ExportData = {
  incident: {
    number: 42,
    title: 'Checkout <latency> spike',
    severity: 'SEV2',
    kind: 'incident',
    status: 'resolved',
    postmortemStatus: 'published',
    services: ['checkout', 'payments'],
    startedAt: new Date('2026-03-01T10:00:00Z'),
    detectedAt: new Date('2026-03-01T10:05:30Z'),
    acknowledgedAt: null,
    mitigatedAt: new Date('2026-03-01T11:00:00Z'),
    resolvedAt: new Date('2026-03-01T12:30:00Z'),
    publishedAt: new Date('2026-03-05T09:00:00Z'),
  },
  sections: [
    { title: 'Summary', body: 'The **cache** expired.\n<script>alert(1)</script>' },
    { title: 'Impact', body: '' },
  ],
  timeline: [
    { occurredAt: new Date('2026-03-01T10:05:30Z'), kind: 'detection', body: 'Alert fired', keyMoment: true },
    { occurredAt: new Date('2026-03-01T11:00:00Z'), kind: 'mitigation', body: 'Rolled back <img src=x>', keyMoment: false },
  ],
  factors: [{ name: 'Missing alert', category: 'human_factors', howItContributed: 'Nobody was paged for 5 minutes.' }],
  actions: [{ title: 'Add | alert', type: 'detect', priority: 'P1', owner: 'Dana', dueDate: new Date('2026-04-01T00:00:00Z'), status: 'in_progress', ticketUrl: 'https://t.example/1' }],
  exportedAt: new Date('2026-03-06T00:00:00Z'),
};

describe('Markdown export', () => {
  const md = buildPostmortemMarkdown(data);

  it('names the file INC-n-slug.md', () => {
    expect(exportFileName(42, 'Checkout <latency> spike!')).toBe('INC-42-checkout-latency-spike.md');
    expect(exportFileName(7, 'Café über outage')).toBe('INC-7-cafe-uber-outage.md');
    expect(exportFileName(3, '!!!')).toBe('INC-3.md');
  });

  it('has the title, the metadata in UTC ISO and the durations', () => {
    expect(md.startsWith('# INC-42: Checkout &lt;latency&gt; spike\n')).toBe(true);
    expect(md).toContain('- **Severity:** SEV2');
    expect(md).toContain('- **Kind:** incident');
    expect(md).toContain('- **Services:** checkout, payments');
    expect(md).toContain('- **Started:** 2026-03-01T10:00:00.000Z');
    expect(md).toContain('- **Acknowledged:** —');
    expect(md).toContain('- **Time to detect (TTD):** 0:05:30');
    expect(md).toContain('- **Time to resolve (TTR):** 2:30:00');
    expect(md).toContain('- **Time to acknowledge (TTA):** —');
  });

  it('keeps every section in order, Markdown as-is, HTML escaped', () => {
    expect(md.indexOf('## Summary')).toBeLessThan(md.indexOf('## Impact'));
    expect(md).toContain('The **cache** expired.\n&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(md).toContain('## Impact\n\n_Not written._');
    expect(md).not.toMatch(/<script|<img/);
  });

  it('lists the timeline, factors and action items', () => {
    expect(md).toContain('- `2026-03-01T10:05:30.000Z` **detection** (key moment): Alert fired');
    expect(md).toContain('**mitigation**: Rolled back &lt;img src=x&gt;');
    expect(md).toContain('- **Missing alert** (human factors): Nobody was paged for 5 minutes.');
    expect(md).toContain('| Add \\| alert | detect | P1 | Dana | 2026-04-01 | in progress | https://t.example/1 |');
  });

  it('says so when lists are empty', () => {
    const empty = buildPostmortemMarkdown({ ...data, timeline: [], factors: [], actions: [] });
    expect(empty).toContain('_No timeline entries._');
    expect(empty).toContain('_No contributing factors recorded._');
    expect(empty).toContain('_No action items._');
  });

  it('escapes only angle brackets', () => {
    expect(escapeHtml('a < b && c > d *x*')).toBe('a &lt; b && c &gt; d *x*');
  });
});
