import 'server-only';
import { db } from '@/lib/db';

/**
 * The text search configuration of Incident.searchVector (migration incident_search builds the
 * vector with the same one; they must agree or stemmed words stop matching).
 */
export const SEARCH_CONFIG = 'english';

const INCIDENT_REF = /^(?:inc-?)?(\d{1,9})$/i;

/**
 * Ids and ts_rank of the team's incidents matching `q` (websearch syntax: words, "a phrase",
 * `or`, `-word`), plus the incident whose number `q` names ("INC-42" or "42"), ranked first.
 *
 * This is a team-scoped candidate set, NOT what the actor may see: callers intersect it with
 * visibleIncidentsWhere(actor), and only that intersection reaches lists, counts or responses.
 */
export async function searchIncidentRanks(teamId: string, q: string): Promise<Map<string, number>> {
  const ref = INCIDENT_REF.exec(q.trim());
  const number = ref?.[1] ? Number(ref[1]) : null;
  const rows = await db.$queryRaw<{ id: string; rank: number }[]>`
    SELECT i."id"::text AS id,
           (CASE WHEN i."number" = ${number}::int THEN 100 ELSE 0 END
             + coalesce(ts_rank(i."searchVector", query), 0))::float8 AS rank
      FROM "Incident" i, websearch_to_tsquery(${SEARCH_CONFIG}::regconfig, ${q}) AS query
     WHERE i."teamId" = ${teamId}::uuid
       AND (i."searchVector" @@ query OR i."number" = ${number}::int)`;
  return new Map(rows.map((r) => [r.id, Number(r.rank)]));
}
