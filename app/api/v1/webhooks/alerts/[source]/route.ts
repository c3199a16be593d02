import { NextResponse } from 'next/server';
import { jsonError, route } from '@/lib/http/route';
import { BodyTooLargeError, isAlertSource, receiveAlerts } from '@/lib/alerts/receive';

export const dynamic = 'force-dynamic';

/**
 * POST /api/v1/webhooks/alerts/{alertmanager|pagerduty|generic}?team=<slug>: an alert delivery,
 * authenticated by the team's integration secret (not a session or API token; see README
 * "Alerts"). 202/200 { results: [{ dedupKey, outcome, incident }] }; 401 for any unknown team,
 * integration or bad credentials alike; 404 unknown source; 413 over 1 MiB; 422 unknown shape.
 */
export const POST = route<{ source: string }>(async (request, context, { requestId }) => {
  const { source } = await context.params;
  if (!isAlertSource(source)) return jsonError(404, { error: 'not_found', message: 'Unknown alert source: use alertmanager, pagerduty or generic.' }, requestId);
  try {
    const { status, results } = await receiveAlerts(request, source, requestId);
    return NextResponse.json({ results }, { status, headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    if (error instanceof BodyTooLargeError) return jsonError(413, { error: 'payload_too_large', message: 'Alert deliveries are limited to 1 MiB.' }, requestId);
    throw error;
  }
});
