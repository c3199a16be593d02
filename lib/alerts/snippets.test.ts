import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { hmacSha256Hex } from '@/lib/webhooks/signature';
import { alertmanagerReceiver, genericCurl, webhookUrl } from './snippets';

describe('setup snippets', () => {
  it('build the webhook URL with the team as a query parameter', () => {
    expect(webhookUrl('https://hindsight.example/', 'alertmanager', 'ops team')).toBe('https://hindsight.example/api/v1/webhooks/alerts/alertmanager?team=ops%20team');
  });

  it('give Alertmanager the secret as a bearer credential', () => {
    const yaml = alertmanagerReceiver('https://h.example/api/v1/webhooks/alerts/alertmanager?team=ops', 's3cret');
    expect(yaml).toContain("credentials: 's3cret'");
    expect(yaml).toContain('type: Bearer');
    expect(yaml).toContain('send_resolved: true');
  });

  it('sign the generic example exactly as the route verifies it', () => {
    const script = genericCurl('https://h.example/x', 'abc').split('\n').slice(0, 2).join('\n') + '\nprintf %s "$sig"';
    const body = /body='(.*)'/.exec(genericCurl('u', 'abc'))?.[1] ?? '';
    expect(execFileSync('sh', ['-c', script], { encoding: 'utf8' })).toBe(hmacSha256Hex('abc', body));
  });
});
