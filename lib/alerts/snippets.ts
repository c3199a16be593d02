import type { AlertSourceName } from './schemas';

/**
 * What an admin pastes into the sending side, built from the webhook URL and the secret (shown
 * once). Pure, so the settings page and the README say the same thing.
 */

export function webhookUrl(origin: string, source: AlertSourceName, teamSlug: string): string {
  return `${origin.replace(/\/$/, '')}/api/v1/webhooks/alerts/${source}?team=${encodeURIComponent(teamSlug)}`;
}

/** An Alertmanager receiver: the secret travels as a bearer credential (Alertmanager cannot sign). */
export function alertmanagerReceiver(url: string, secret: string): string {
  return [
    'receivers:',
    '  - name: hindsight',
    '    webhook_configs:',
    `      - url: '${url}'`,
    '        send_resolved: true',
    '        http_config:',
    '          authorization:',
    '            type: Bearer',
    `            credentials: '${secret}'`,
  ].join('\n');
}

/** A signed generic delivery from a shell: HMAC-SHA256 of the exact body bytes. */
export function genericCurl(url: string, secret: string): string {
  return [
    `body='{"id":"deploy-42-firing","status":"firing","groupKey":"checkout-latency","title":"Checkout p99 above 2s","severity":"SEV2","services":["checkout"],"occurredAt":"2026-03-08T14:02:00Z"}'`,
    `sig=$(printf '%s' "$body" | openssl dgst -sha256 -hmac '${secret}' -hex | sed 's/^.* //')`,
    `curl -X POST '${url}' -H 'Content-Type: application/json' -H "X-Hindsight-Signature: sha256=$sig" --data "$body"`,
  ].join('\n');
}

/** PagerDuty generates the signing secret itself: where to paste the URL, and what to bring back. */
export const PAGERDUTY_STEPS = [
  'In PagerDuty, open Integrations › Generic Webhooks (v3) and choose New Webhook.',
  'Paste the webhook URL below as the Webhook URL; pick the service or team whose incidents Hindsight should record.',
  'Subscribe at least to incident.triggered, incident.acknowledged and incident.resolved (other events are recorded and ignored).',
  'PagerDuty then shows the subscription’s signing secret once: paste it here. Hindsight checks the X-PagerDuty-Signature header with it.',
] as const;
