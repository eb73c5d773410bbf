// A real HTTP receiver on loopback for webhook tests: records every request, answers with what the
// test says, and lets a test await a request instead of sleeping.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

export interface ReceivedWebhook {
  /** the request's path and query */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: any;
  at: number;
}

export interface Receiver {
  url: string;
  port: number;
  received: ReceivedWebhook[];
  /** the status (and body) to answer each request with; default 204; null: never answer (a hung receiver) */
  respond: (request: ReceivedWebhook) => { status: number; body?: string; headers?: Record<string, string> } | null;
  /** resolves with the first request (already received or to come) that matches */
  waitFor(predicate: (request: ReceivedWebhook) => boolean, timeoutMs?: number): Promise<ReceivedWebhook>;
  /** resolves once `count` requests matching the predicate have arrived */
  waitForCount(predicate: (request: ReceivedWebhook) => boolean, count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

export async function startReceiver(port = 0): Promise<Receiver> {
  const waiters = new Set<() => void>();
  const receiver: Receiver = {
    url: '',
    port: 0,
    received: [],
    respond: () => ({ status: 204 }),
    waitFor(predicate, timeoutMs) {
      return receiver.waitForCount(predicate, 1, timeoutMs).then((all) => all[0]!);
    },
    waitForCount(predicate, count, timeoutMs = 8_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const matching = receiver.received.filter(predicate);
          if (matching.length >= count) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(matching);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`receiver: ${receiver.received.filter(predicate).length}/${count} matching requests after ${timeoutMs} ms (${receiver.received.length} in all)`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown = null;
      try {
        json = JSON.parse(body);
      } catch {
        /* not JSON */
      }
      const request: ReceivedWebhook = { path: req.url ?? '', headers: req.headers, body, json, at: Date.now() };
      const answer = receiver.respond(request);
      receiver.received.push(request);
      if (answer) {
        res.writeHead(answer.status, answer.headers ?? {});
        res.end(answer.body ?? '');
      }
      for (const waiter of [...waiters]) waiter();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  receiver.port = typeof address === 'object' && address ? address.port : 0;
  receiver.url = `http://127.0.0.1:${receiver.port}/hooks`;
  return receiver;
}
