/** Test fixtures for the action items integration tests: factors and actions written straight to the database. */
import { db } from '@/lib/db';
import { dateOfDay } from './overdue';

export async function createFactor(teamId: string, name: string, extra: { archived?: boolean; mergedIntoId?: string } = {}): Promise<string> {
  const factor = await db.contributingFactor.create({
    data: { teamId, name, category: 'process', archivedAt: extra.archived ? new Date() : null, mergedIntoId: extra.mergedIntoId ?? null },
    select: { id: true },
  });
  return factor.id;
}

export async function insertAction(
  teamId: string,
  incidentId: string,
  fields: { title: string; ownerId?: string; dueDate?: string; status?: 'open' | 'in_progress' | 'done' | 'wont_do'; priority?: 'P1' | 'P2' | 'P3'; type?: 'prevent' | 'detect' | 'mitigate' | 'process'; factorId?: string },
): Promise<{ id: string; version: number }> {
  return db.actionItem.create({
    data: {
      teamId,
      incidentId,
      title: fields.title,
      type: fields.type ?? 'prevent',
      priority: fields.priority ?? 'P2',
      status: fields.status ?? 'open',
      ownerId: fields.ownerId ?? null,
      dueDate: fields.dueDate ? dateOfDay(fields.dueDate) : null,
      factorId: fields.factorId ?? null,
      wontDoReason: fields.status === 'wont_do' ? 'Fixture' : null,
      completedAt: fields.status === 'done' ? new Date() : null,
    },
    select: { id: true, version: true },
  });
}
