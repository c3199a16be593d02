/**
 * A real HTTP receiver for the webhook integration tests (and the e2e spec): records every
 * request's headers and raw body and answers with the scripted responses in order (then 200).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A status to answer with, 'hang' to never answer, or 'reset' to drop the connection. */
export type ScriptedResponse = number | 'hang' | 'reset' | { status: number; body: string; headers?: Record<string, string> };

export interface TestReceiver {
  url: string;
  received: ReceivedRequest[];
  script(...responses: ScriptedResponse[]): void;
  close(): Promise<void>;
}

export async function startReceiver(path = '/hook'): Promise<TestReceiver> {
  const received: ReceivedRequest[] = [];
  const queue: ScriptedResponse[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const next = queue.shift() ?? 200;
      if (next === 'hang') return;
      if (next === 'reset') return void req.socket.destroy();
      const r = typeof next === 'number' ? { status: next, body: next < 300 ? 'ok' : `status ${next}` } : next;
      res.writeHead(r.status, { 'content-type': 'text/plain', ...r.headers });
      res.end(r.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    script: (...responses) => queue.push(...responses),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL on which nothing listens (connection refused). */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/hook`;
}
