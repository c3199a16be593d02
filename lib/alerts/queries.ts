import 'server-only';
import { db } from '@/lib/db';
import { authorize, type Actor } from '@/lib/teams/access';
import { ALERT_SOURCES, type AlertSourceName } from './schemas';

/** An integration as the settings page shows it: never the secret. */
export const INTEGRATION_SELECT = {
  id: true,
  source: true,
  enabled: true,
  applyAcknowledged: true,
  applyResolved: true,
  defaultSeverity: true,
  lastReceivedAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} as const;

export interface IntegrationView {
  id: string;
  source: AlertSourceName;
  enabled: boolean;
  applyAcknowledged: boolean;
  applyResolved: boolean;
  defaultSeverity: 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4';
  lastReceivedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Every source, in a fixed order, with its integration or null when it is not connected (admin). */
export async function listIntegrations(actor: Actor): Promise<{ source: AlertSourceName; integration: IntegrationView | null }[]> {
  authorize(actor, 'admin', 'see alert integrations');
  const rows = await db.alertIntegration.findMany({ where: { teamId: actor.teamId }, select: INTEGRATION_SELECT });
  return ALERT_SOURCES.map((source) => ({ source, integration: rows.find((r) => r.source === source) ?? null }));
}

export interface AlertEventView {
  id: string;
  source: AlertSourceName;
  status: string;
  outcome: string;
  groupKey: string;
  occurredAt: Date;
  receivedAt: Date;
  incident: { number: number; title: string } | null;
}

export const RECENT_EVENTS_LIMIT = 50;

/** The latest alert events received by the team, newest first, for the settings log (admin). */
export async function listRecentAlertEvents(actor: Actor, limit = RECENT_EVENTS_LIMIT): Promise<AlertEventView[]> {
  authorize(actor, 'admin', 'see alert deliveries');
  const rows = await db.alertEvent.findMany({
    where: { teamId: actor.teamId },
    orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
    take: Math.min(Math.max(1, limit), RECENT_EVENTS_LIMIT),
    select: { id: true, status: true, outcome: true, groupKey: true, occurredAt: true, receivedAt: true, integration: { select: { source: true } }, incident: { select: { number: true, title: true } } },
  });
  return rows.map(({ integration, ...row }) => ({ ...row, source: integration.source }));
}
