import { describe, expect, it } from 'vitest';
import * as openApiRoute from '@/app/api/v1/openapi.json/route';
import { openApiDocument } from './document';
import { documented } from './testing';

const GET = documented('getOpenApiDocument', openApiRoute.GET);

describe('GET /api/v1/openapi.json', () => {
  it('serves the document to anyone, cacheable for five minutes', async () => {
    const response = await GET(new Request('http://hindsight.test/api/v1/openapi.json'), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('x-request-id')).toBeTruthy();
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });
});
