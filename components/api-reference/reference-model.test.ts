import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '@/lib/api/openapi/document';
import { OPERATIONS } from '@/lib/api/openapi/operations';
import { referenceModel, shapeModel, typeLabel } from './reference-model';

const document = buildOpenApiDocument();
const tags = referenceModel(document, 'https://hindsight.example');
const operations = tags.flatMap((t) => t.operations);
const find = (id: string) => operations.find((op) => op.id === id);

describe('the API reference page model', () => {
  it('shows every documented operation once, grouped by tag in the document’s order', () => {
    expect(operations.map((op) => op.id).sort()).toEqual(OPERATIONS.map((op) => op.id).sort());
    expect(tags.map((t) => t.name)).toEqual(document.tags.map((t) => t.name));
  });

  it('lists body fields with type, required, allowed values and default', () => {
    const create = find('createIncident');
    expect(create?.role).toBe('editor');
    expect(create?.bodyFields.find((f) => f.name === 'severity')).toMatchObject({ type: 'string', required: true, values: ['SEV1', 'SEV2', 'SEV3', 'SEV4'] });
    expect(create?.bodyFields.find((f) => f.name === 'kind')).toMatchObject({ required: false, defaultValue: '"incident"' });
    expect(create?.bodyFields.find((f) => f.name === 'detectedAt')?.type).toBe('string (date-time) or null');
  });

  it('lists path and query parameters, and every response with its body shape', () => {
    const list = find('listIncidents');
    expect(list?.parameters.find((p) => p.name === 'status')).toMatchObject({ location: 'query', type: 'array of string', values: ['active', 'mitigated', 'resolved'] });
    expect(find('getIncident')?.parameters).toEqual([expect.objectContaining({ name: 'id', location: 'path', required: true })]);
    expect(find('updateIncident')?.responses.map((r) => r.status)).toEqual(['200', '401', '403', '404', '409', '422', '429', '503']);
    expect(find('updateIncident')?.responses.find((r) => r.status === '409')?.body).toBe('ConflictError');
  });

  it('gives a curl example with the bearer token and the required body fields', () => {
    expect(find('createIncident')?.curl).toBe(
      [
        "curl -X POST 'https://hindsight.example/api/v1/incidents'",
        "-H 'Authorization: Bearer <token>'",
        "-H 'Content-Type: application/json'",
        `-d '{"title":"…","severity":"SEV1","startedAt":"2026-03-08T14:02:00Z"}'`,
      ].join(' \\\n  '),
    );
    expect(find('getHealth')?.curl).toBe("curl 'https://hindsight.example/api/health'");
  });

  it('names types for people', () => {
    expect(typeLabel({ type: ['string', 'null'] })).toBe('string or null');
    expect(typeLabel({ $ref: '#/components/schemas/Incident' })).toBe('Incident');
    expect(shapeModel(document).find((s) => s.name === 'IncidentPage')?.fields.map((f) => f.name)).toEqual(['items', 'total', 'page', 'pageSize', 'nextCursor']);
  });
});
