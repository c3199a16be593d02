import 'server-only';
import { randomUUID } from 'node:crypto';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { AppError, isDatabaseUnavailable } from '@/lib/errors';
import { errorFields, log } from '@/lib/log';

export interface RequestContext {
  requestId: string;
}

type Handler<P> = (request: Request, context: { params: Promise<P> }, ctx: RequestContext) => Promise<Response>;

const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

function requestIdOf(request: Request): string {
  const incoming = request.headers.get('x-request-id');
  return incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

export function jsonError(status: number, body: Record<string, unknown>, requestId: string, headers: Record<string, string> = {}): NextResponse {
  return NextResponse.json({ ...body, requestId }, { status, headers: { 'x-request-id': requestId, 'cache-control': 'no-store', ...headers } });
}

/** The one mapping from thrown errors to HTTP responses. Never leaks stack traces or SQL. */
export function errorResponse(error: unknown, requestId: string): NextResponse {
  if (error instanceof z.ZodError) {
    const fields = error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message }));
    return jsonError(422, { error: 'validation_failed', message: fields[0]?.message ?? 'Invalid input', fields }, requestId);
  }
  if (error instanceof AppError) {
    switch (error.code) {
      case 'VALIDATION':
        return jsonError(422, { error: 'validation_failed', message: error.message, fields: error.details.fields ?? [] }, requestId);
      case 'UNAUTHENTICATED':
        return jsonError(401, { error: 'unauthenticated', message: error.message }, requestId);
      case 'FORBIDDEN':
        return jsonError(403, { error: 'forbidden', message: error.message }, requestId);
      case 'NOT_FOUND':
        return jsonError(404, { error: 'not_found', message: error.message }, requestId);
      case 'CONFLICT':
        return jsonError(409, { error: 'conflict', message: error.message, current: error.details.current ?? null }, requestId);
      case 'RATE_LIMITED': {
        const retry = String(error.details.retryAfterSeconds ?? 60);
        return jsonError(429, { error: 'rate_limited', message: error.message }, requestId, { 'retry-after': retry });
      }
      case 'UNAVAILABLE':
        return jsonError(503, { error: 'unavailable', message: error.message }, requestId, { 'retry-after': '5' });
    }
  }
  if (isDatabaseUnavailable(error)) {
    log('warn', 'database unavailable', { requestId, ...errorFields(error), stack: undefined });
    return jsonError(503, { error: 'unavailable', message: 'Hindsight is temporarily unavailable: the database cannot be reached. Try again shortly.' }, requestId, { 'retry-after': '5' });
  }
  log('error', 'unhandled error in route handler', { requestId, ...errorFields(error) });
  return jsonError(500, { error: 'internal', message: 'Something went wrong on our side. Quote the request id when reporting it.' }, requestId);
}

/** Wraps a route handler: request id, error mapping, and an x-request-id on every response. */
export function route<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const requestId = requestIdOf(request);
    try {
      const response = await handler(request, context, { requestId });
      response.headers.set('x-request-id', requestId);
      return response;
    } catch (error) {
      return errorResponse(error, requestId);
    }
  };
}
