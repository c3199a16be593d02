import type { z } from 'zod';
import packageJson from '@/package.json';
import { COMPONENT_PREFIX, componentSchemas, inlineSchema, type JsonSchema } from './json-schema';
import { pathParameters, TAGS, type ApiOperation, type HttpMethod } from './operation';
import { OPERATIONS } from './operations';
import * as r from './responses';

/** OpenAPI 3.1 objects are plain JSON; the page and the tests read them as such. */
export type OpenApiObject = { [key: string]: unknown };
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: OpenApiObject;
  servers: OpenApiObject[];
  security: OpenApiObject[];
  tags: { name: string; description: string }[];
  paths: Record<string, Partial<Record<HttpMethod, OpenApiObject>>>;
  components: { schemas: Record<string, JsonSchema>; responses: Record<string, OpenApiObject>; headers: Record<string, OpenApiObject>; securitySchemes: OpenApiObject };
}

/** The extension that carries the least token role an operation needs ("public": no token). */
export const ROLE_EXTENSION = 'x-hindsight-role';

/** Shapes several operations share, by name (an operation's other bodies get names of their own). */
const SHARED: [z.ZodType, string][] = [
  [r.errorSchema, 'Error'],
  [r.validationErrorSchema, 'ValidationError'],
  [r.conflictErrorSchema, 'ConflictError'],
  [r.fieldIssueSchema, 'FieldIssue'],
  [r.apiIncidentSchema, 'Incident'],
  [r.incidentListItemSchema, 'IncidentListItem'],
  [r.incidentPageSchema, 'IncidentPage'],
  [r.incidentCursorPageSchema, 'IncidentCursorPage'],
  [r.timelineEntrySchema, 'TimelineEntry'],
  [r.apiActionSchema, 'ActionItem'],
  [r.factorSummarySchema, 'Factor'],
  [r.factorLinkSchema, 'FactorLink'],
  [r.apiTeamSchema, 'Team'],
  [r.apiMemberSchema, 'Member'],
];

const header = (name: string) => ({ $ref: `#/components/headers/${name}` });
const HEADERS = {
  'x-request-id': { description: 'The request’s id (yours when you sent a valid x-request-id, else a new one). Quote it when reporting a problem.', schema: { type: 'string' } },
  'retry-after': { description: 'Seconds to wait before trying again.', schema: { type: 'integer' } },
  'www-authenticate': { description: 'RFC 6750 challenge: Bearer realm="hindsight", with error="invalid_token" for a bad or revoked token.', schema: { type: 'string' } },
  location: { description: 'The address of what was created.', schema: { type: 'string' } },
};

type ErrorName = 'Unauthenticated' | 'Forbidden' | 'NotFound' | 'Conflict' | 'ValidationFailed' | 'RateLimited' | 'Unavailable';
const ERRORS: Record<ErrorName, { status: number; description: string; schema: string; headers?: string[] }> = {
  Unauthenticated: { status: 401, description: 'No token, or a token that is invalid or revoked.', schema: 'Error', headers: ['www-authenticate'] },
  Forbidden: { status: 403, description: 'The token’s role is too low for this operation.', schema: 'Error' },
  NotFound: { status: 404, description: 'Not found, or not visible to this token (a restricted incident is never disclosed).', schema: 'Error' },
  Conflict: { status: 409, description: 'The change conflicts with the current state.', schema: 'ConflictError' },
  ValidationFailed: { status: 422, description: 'A parameter or field is invalid; `fields` names each one.', schema: 'ValidationError' },
  RateLimited: { status: 429, description: 'Too many failed token attempts from your address.', schema: 'Error', headers: ['retry-after'] },
  Unavailable: { status: 503, description: 'The database cannot be reached right now; try again shortly.', schema: 'Error', headers: ['retry-after'] },
};

function responseObject(description: string, schema: OpenApiObject, headers: string[] = []): OpenApiObject {
  const all = ['x-request-id', ...headers];
  return { description, headers: Object.fromEntries(all.map((h) => [h, header(h)])), content: { 'application/json': { schema } } };
}

const errorRef = (name: ErrorName, description?: string) => ({ $ref: `#/components/responses/${name}`, ...(description ? { description } : {}) });

function parameters(op: ApiOperation): OpenApiObject[] {
  const path = pathParameters(op.path).map((name) => ({ name, in: 'path', required: true, description: op.params?.[name] ?? '', schema: { type: 'string' } }));
  if (!op.query) return path;
  const json = inlineSchema(op.query);
  const required = new Set((json.required as string[] | undefined) ?? []);
  const query = Object.entries((json.properties ?? {}) as Record<string, JsonSchema>).map(([name, { description, ...schema }]) => ({
    name,
    in: 'query',
    required: required.has(name),
    ...(typeof description === 'string' ? { description } : {}),
    schema,
  }));
  return [...path, ...query];
}

function operationObject(op: ApiOperation, ref: (schema: z.ZodType) => OpenApiObject): OpenApiObject {
  const token = op.access !== 'public';
  const roleText = token ? `Needs a token with role ${op.access} or higher.` : 'Public: no token needed.';
  const responses: Record<string, OpenApiObject> = {
    [op.ok.status]: responseObject(op.ok.description, ref(op.ok.schema), op.ok.location ? ['location'] : []),
  };
  for (const extra of op.alsoReturns ?? []) responses[extra.status] = responseObject(extra.description, ref(extra.schema), extra.headers);
  if (token) {
    responses[401] = errorRef('Unauthenticated');
    responses[403] = errorRef('Forbidden', op.forbidden ? `${ERRORS.Forbidden.description} ${op.forbidden}` : undefined);
    if (pathParameters(op.path).length) responses[404] = errorRef('NotFound');
    if (op.conflict) responses[409] = errorRef('Conflict', op.conflict);
    if (op.query || op.body) responses[422] = errorRef('ValidationFailed');
    responses[429] = errorRef('RateLimited');
    responses[503] = errorRef('Unavailable');
  }
  return {
    operationId: op.id,
    tags: [TAGS[op.tag].name],
    summary: op.summary,
    description: [op.description, roleText].filter(Boolean).join('\n\n'),
    [ROLE_EXTENSION]: op.access,
    ...(token ? {} : { security: [] }),
    parameters: parameters(op),
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(op.body) } } } } : {}),
    responses,
  };
}

const pascal = (id: string) => id.charAt(0).toUpperCase() + id.slice(1);

/** Builds the OpenAPI 3.1 document of `operations` (every operation of the API by default). */
export function buildOpenApiDocument(operations: readonly ApiOperation[] = OPERATIONS): OpenApiDocument {
  const names = new Map<z.ZodType, string>(SHARED);
  for (const op of operations) {
    if (op.body && !names.has(op.body)) names.set(op.body, `${pascal(op.id)}Request`);
    if (!names.has(op.ok.schema)) names.set(op.ok.schema, `${pascal(op.id)}Response`);
    for (const { schema, status } of op.alsoReturns ?? []) if (!names.has(schema)) names.set(schema, `${pascal(op.id)}Response${status}`);
  }
  const ref = (schema: z.ZodType) => ({ $ref: `${COMPONENT_PREFIX}${names.get(schema)}` });
  const paths: OpenApiDocument['paths'] = {};
  for (const op of operations) (paths[op.path] ??= {})[op.method] = operationObject(op, ref);
  const used = new Set(operations.map((op) => TAGS[op.tag].name));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Hindsight API',
      version: packageJson.version,
      description: 'The REST API of Hindsight, the self-hosted blameless post-mortem app. Authenticate with a team API token (Settings › API tokens) as `Authorization: Bearer <token>`; a token acts on its own team with the role it was given.',
      license: { name: 'AGPL-3.0-only', identifier: 'AGPL-3.0-only' },
    },
    servers: [{ url: '/', description: 'This Hindsight server' }],
    security: [{ bearerToken: [] }],
    tags: Object.values(TAGS).filter((t) => used.has(t.name)).map((t) => ({ ...t })),
    paths,
    components: {
      schemas: componentSchemas(names),
      responses: Object.fromEntries(Object.entries(ERRORS).map(([name, e]) => [name, responseObject(e.description, { $ref: `${COMPONENT_PREFIX}${e.schema}` }, e.headers)])),
      headers: HEADERS,
      securitySchemes: { bearerToken: { type: 'http', scheme: 'bearer', description: 'A team API token, created by an admin under Settings › API tokens or with `npm run token`.' } },
    },
  };
}

let cached: OpenApiDocument | undefined;
/** The API's document, built once per process (the schemas do not change at run time). */
export function openApiDocument(): OpenApiDocument {
  return (cached ??= buildOpenApiDocument());
}
