/**
 * Test helpers for the alert webhook integration tests: integrations written straight to the
 * database, deliveries posted to the route handler with the credentials each source uses, and a
 * snapshot of everything a delivery may change (to prove a replay changes nothing).
 */
import { randomBytes } from 'node:crypto';
import { POST } from '@/app/api/v1/webhooks/alerts/[source]/route';
import { db } from '@/lib/db';
import type { AlertSource } from '@/lib/generated/prisma/enums';
import { hmacSha256Hex, signBody } from '@/lib/webhooks/signature';
import type { AlertDeliveryResponse } from './schemas';

export interface TestIntegration {
  id: string;
  secret: string;
}

export async function createIntegration(teamId: string, source: AlertSource, options: { applyAcknowledged?: boolean; applyResolved?: boolean; enabled?: boolean } = {}): Promise<TestIntegration> {
  const secret = randomBytes(24).toString('base64url');
  const row = await db.alertIntegration.create({ data: { teamId, source, secret, applyAcknowledged: true, applyResolved: true, ...options }, select: { id: true } });
  return { id: row.id, secret };
}

/** The header(s) that prove `secret` for `source`. */
export function credentials(source: AlertSource, secret: string, body: string): Record<string, string> {
  if (source === 'alertmanager') return { authorization: `Bearer ${secret}` };
  if (source === 'pagerduty') return { 'x-pagerduty-signature': `v1=${hmacSha256Hex(secret, body)}` };
  return { 'x-hindsight-signature': signBody(secret, body) };
}

let nextIp = 1;

/** POSTs `body` (an object is JSON-encoded) to the alert route; `headers` replace the defaults. */
export function deliver(source: string, team: string, body: unknown, headers: Record<string, string>): Promise<Response> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const request = new Request(`http://hindsight.test/api/v1/webhooks/alerts/${source}?team=${encodeURIComponent(team)}`, {
    method: 'POST',
    body: raw,
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${nextIp++ % 250}`, ...headers },
  });
  return POST(request, { params: Promise.resolve({ source }) });
}

/** A delivery with valid credentials. */
export function deliverSigned(source: AlertSource, team: string, secret: string, body: unknown): Promise<Response> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  return deliver(source, team, raw, credentials(source, secret, raw));
}

export type DeliveryBody = AlertDeliveryResponse;

/** Everything a delivery may change for a team, ordered, for equality checks. */
export async function teamSnapshot(teamId: string) {
  const [incidents, timeline, events, audit, outbox] = await Promise.all([
    db.incident.findMany({ where: { teamId }, orderBy: { number: 'asc' }, select: { number: true, version: true, status: true, acknowledgedAt: true, resolvedAt: true, updatedAt: true } }),
    db.timelineEvent.count({ where: { incident: { teamId } } }),
    db.alertEvent.count({ where: { teamId } }),
    db.auditLog.count({ where: { teamId } }),
    db.webhookDelivery.count({ where: { teamId } }),
  ]);
  return { incidents, timeline, events, audit, outbox };
}
