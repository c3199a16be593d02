import { describe, expect, it } from 'vitest';
import { parseChatLog } from './import';
import { slackToText, slackTsToMs } from './import-slack';

const OPTS = { incidentStart: new Date('2024-05-01T13:50:00Z'), timeZone: 'Europe/Berlin' };

const MESSAGES = [
  { type: 'message', subtype: 'channel_join', ts: '1714571000.000100', user: 'U3', text: '<@U3> has joined the channel' },
  {
    type: 'message',
    ts: '1714572153.000200',
    user: 'U1',
    user_profile: { real_name: 'Alice Adams', display_name: 'alice' },
    text: 'Got paged, <@U2> can you look? Runbook: <https://wiki.example/rb|runbook> &amp; <https://example.com|example.com>',
  },
  { type: 'message', ts: '1714572160.123456', user: 'U2', user_profile: { real_name: 'Bob Brown', display_name: '' }, text: 'seeing &lt;500ms&gt; p99 in <#C9|ops>\nsecond line' },
  { type: 'message', subtype: 'channel_leave', ts: '1714572170.000000', user: 'U3', text: '<@U3> has left the channel' },
  { type: 'message', subtype: 'bot_message', ts: '1714572180.999', user_name: 'statusbot', text: '<!here> status page updated for <!subteam^S1|@sre>' },
  { type: 'message', ts: 'not-a-ts', user: 'U9', text: 'resolved' },
];

describe('parseChatLog: Slack export JSON', () => {
  it('reads an array of messages: time to the millisecond, names, markup, skipped joins and leaves', () => {
    const lines = parseChatLog(JSON.stringify(MESSAGES, null, 2), OPTS);
    expect(lines.map((l) => [l.lineNo, l.occurredAt?.toISOString() ?? null, l.author, l.body, l.kind, l.error ?? null])).toEqual([
      [
        2,
        '2024-05-01T14:02:33.000Z',
        'alice',
        'Got paged, @Bob Brown can you look? Runbook: runbook (https://wiki.example/rb) & example.com',
        'detection',
        null,
      ],
      [3, '2024-05-01T14:02:40.123Z', 'Bob Brown', 'seeing <500ms> p99 in #ops\nsecond line', 'diagnosis', null],
      [5, '2024-05-01T14:03:00.999Z', 'statusbot', '@here status page updated for @sre', 'communication', null],
      [6, null, 'U9', 'resolved', 'resolution', 'Missing or invalid Slack "ts"'],
    ]);
    expect(lines[0]?.raw).toBe(MESSAGES[1]?.text);
  });

  it('reads the { messages: [...] } shape the same way', () => {
    const wrapped = parseChatLog(`  {"ok": true, "messages": ${JSON.stringify(MESSAGES)}}\n`, OPTS);
    expect(wrapped).toEqual(parseChatLog(JSON.stringify(MESSAGES), OPTS));
  });

  it('keeps non-message items as entries with an error, and an empty export is empty', () => {
    expect(parseChatLog('[{"ts": "1714572153", "text": "hi"}, 42]', OPTS)).toMatchObject([
      { lineNo: 1, body: 'hi', author: null },
      { lineNo: 2, raw: '42', body: '42', occurredAt: null, error: 'Not a Slack message' },
    ]);
    expect(parseChatLog('[]', OPTS)).toEqual([]);
  });
});

describe('slackToText', () => {
  it.each([
    ['<@U123>', '@U123'],
    ['<@U123|alice>', '@alice'],
    ['<#C1>', '#C1'],
    ['<!channel> <!everyone>', '@channel @everyone'],
    ['<!date^1392734382^{date}|Feb 18, 2014>', 'Feb 18, 2014'],
    ['<http://x.example/a?b=1&amp;c=2>', 'http://x.example/a?b=1&c=2'],
    ['<http://x.example|the dashboard>', 'the dashboard (http://x.example)'],
    ['<mailto:sre@example.com|sre@example.com> <mailto:a@b.c>', 'sre@example.com a@b.c'],
    ['a &lt; b &amp;&amp; c &gt; d', 'a < b && c > d'],
    ['&amp;lt;', '&lt;'],
  ])('%s', (markup, readable) => {
    expect(slackToText(markup)).toBe(readable);
  });

  it('names mentioned users from the map', () => {
    expect(slackToText('<@U1> and <@U2>', new Map([['U1', 'alice']]))).toBe('@alice and @U2');
  });
});

describe('slackTsToMs', () => {
  it('keeps milliseconds without floating-point drift', () => {
    expect(slackTsToMs('1714572153.000200')).toBe(1_714_572_153_000);
    expect(slackTsToMs('1714572153.9999')).toBe(1_714_572_153_999);
    expect(slackTsToMs('1714572153')).toBe(1_714_572_153_000);
    expect(slackTsToMs(1714572153.5)).toBe(1_714_572_153_500);
    expect(slackTsToMs('12:00')).toBeNull();
    expect(slackTsToMs(undefined)).toBeNull();
  });
});
