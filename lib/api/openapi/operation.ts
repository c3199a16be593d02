import type { z } from 'zod';
import type { Role } from '@/lib/generated/prisma/enums';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
export const HTTP_METHODS: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

/** Who may call an operation: a bearer token of at least this role, or anyone. */
export type Access = Role | 'public';

export const TAGS = {
  team: { name: 'Team', description: 'The team a token belongs to and its members.' },
  incidents: { name: 'Incidents', description: 'Incidents and drills, their lifecycle timestamps and services.' },
  timeline: { name: 'Timeline', description: 'What happened when, during an incident.' },
  factors: { name: 'Contributing factors', description: 'The systemic conditions that made incidents possible (never a culprit).' },
  actions: { name: 'Action items', description: 'Remediation work, tracked to the end.' },
  alerts: { name: 'Alerts', description: 'Alert deliveries from monitoring and paging tools, authenticated by the team’s integration secret.' },
  metrics: { name: 'Metrics', description: 'MTTR, MTBF, availability and the other figures of METRICS.md.' },
  service: { name: 'Service', description: 'Liveness, readiness and this document. No token needed.' },
} as const;
export type Tag = keyof typeof TAGS;

/**
 * One documented route+method. Error responses are added from the facts here: token routes get
 * 401/403/429/503, a path with parameters 404, a query or a body 422, and `conflict` a 409.
 */
export interface ApiOperation {
  /** A stable, camelCase name for generated clients. */
  id: string;
  method: HttpMethod;
  /** OpenAPI path template: `/api/v1/incidents/{id}` for app/api/v1/incidents/[id]/route.ts. */
  path: string;
  tag: Tag;
  access: Access;
  summary: string;
  description?: string;
  /** Each path parameter of `path` and what it is. */
  params?: Record<string, string>;
  /** The zod object the route parses its query string with (one parameter per key). */
  query?: z.ZodObject;
  /** The zod schema the route parses its JSON body with. */
  body?: z.ZodType;
  /** The success response: its body is described by the zod schema the tests parse real responses with. */
  ok: { status: 200 | 201; description: string; schema: z.ZodType; location?: string };
  /** When a stale `version` (or an existing link) is a 409: why. */
  conflict?: string;
  /** Why a token of the right role may still get 403, beyond "the role is too low". */
  forbidden?: string;
  /**
   * Other statuses with their bodies, e.g. a public route's own 401/422 (a signed webhook) or the
   * readiness 503; `headers` names entries of components.headers (retry-after, location, ...).
   */
  alsoReturns?: { status: number; description: string; schema: z.ZodType; headers?: string[] }[];
}

/** Path template parameters: `{id}` from `/api/v1/incidents/{id}`. */
export function pathParameters(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
}
