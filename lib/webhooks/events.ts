/**
 * The events a webhook endpoint can subscribe to (plus "ping", sent only by "Send test event").
 * Plain data, no server imports: the settings form's checkboxes use it too.
 */
export const WEBHOOK_EVENTS = ['incident.created', 'incident.resolved', 'postmortem.published', 'action.overdue'] as const;
export type WebhookEventName = (typeof WEBHOOK_EVENTS)[number];
export type WebhookEventType = WebhookEventName | 'ping';

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventName, string> = {
  'incident.created': 'Incident created',
  'incident.resolved': 'Incident resolved',
  'postmortem.published': 'Post-mortem published',
  'action.overdue': 'Action item overdue',
};

/** What every delivery's JSON body looks like; `id` is the event's (the same for every endpoint). */
export interface WebhookEnvelope {
  id: string;
  type: WebhookEventType;
  createdAt: string;
  team: { slug: string };
  data: unknown;
}
