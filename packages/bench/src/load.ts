// The load generator, in its own process so it does not share the server's event loop.
// run.ts forks it once and sends it one LoadJob per measurement; it answers with a LoadResult.
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';

export interface LoadJob {
  id: number;
  url: string;
  connections: number;
  /** seconds */
  duration: number;
  method: 'GET' | 'POST' | 'PATCH';
  headers: Record<string, string>;
  /** a fixed body (or none) */
  body?: string;
  /**
   * Bodies handed out in turn. With `once`, each is sent at most once (refresh tokens work once):
   * when they run out, `exhaustedBody` is sent instead and the result says so.
   */
  bodies?: string[];
  once?: boolean;
  exhaustedBody?: string;
  /**
   * A body template for writes that must never repeat (sign-ups, organizations, invitations): every
   * `{n}` becomes `<job tag>-<counter>`, a fresh value per request (the tag is random per job, so runs
   * and rounds never collide).
   */
  unique?: string;
  /**
   * Rotation chains (the refresh ceiling): each request takes a free session and sends
   * `{"session_id", "secret"}`; the answer's `{"session_id", "secret"}` puts the session back with its
   * new secret. A connection has one request in flight, so with more sessions than connections every
   * request presents the current secret and its compare-and-swap succeeds.
   */
  chain?: { session_id: string; secret: string }[];
}

export interface LoadResult {
  id: number;
  /** mean of the per-second samples, as autocannon reports it */
  rps: number;
  /** ms */
  p50: number;
  p99: number;
  /** connection errors and timeouts */
  errors: number;
  non2xx: number;
  /** status code → count, for the record when something went wrong */
  statuses: Record<string, number>;
  total: number;
  duration: number;
  /** bodies handed out (when `bodies` was given) */
  used: number;
  exhausted: boolean;
}

type Method = NonNullable<autocannon.Request['method']>;

function run(job: LoadJob): Promise<LoadResult> {
  let next = 0;
  let exhausted = false;
  const request: autocannon.Request = { method: job.method as Method, headers: job.headers };
  if (job.body !== undefined) request.body = job.body;
  const { bodies, unique, chain } = job;
  if (unique !== undefined) {
    const tag = randomBytes(4).toString('hex');
    request.setupRequest = (req) => {
      const n = `${tag}-${next++}`;
      return { ...req, body: unique.replaceAll('{n}', n) };
    };
  } else if (chain && chain.length > 0) {
    const free = [...chain];
    request.setupRequest = (req) => {
      const session = free.pop();
      if (!session) {
        exhausted = true;
        return { ...req, body: JSON.stringify({ session_id: chain[0]!.session_id, secret: 'bench-exhausted' }) };
      }
      next++;
      return { ...req, body: JSON.stringify(session) };
    };
    request.onResponse = (status, body) => {
      if (status !== 200) return;
      const answer = JSON.parse(body) as { session_id: string; secret: string };
      free.push({ session_id: answer.session_id, secret: answer.secret });
    };
  } else if (bodies && bodies.length > 0) {
    request.setupRequest = (req) => {
      if (next >= bodies.length) {
        if (job.once) {
          exhausted = true;
          return { ...req, body: job.exhaustedBody ?? '' };
        }
        next = 0;
      }
      return { ...req, body: bodies[next++]! };
    };
  }
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: job.url,
        connections: job.connections,
        duration: job.duration,
        requests: [request],
        timeout: 10,
      },
      (err, result) => {
        if (err) return reject(err);
        const statuses: Record<string, number> = {};
        for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = stat.count ?? 0;
        resolve({
          id: job.id,
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          errors: result.errors,
          non2xx: result.non2xx,
          statuses,
          total: result.requests.total,
          duration: result.duration,
          used: unique !== undefined || chain ? next : Math.min(next, bodies?.length ?? 0),
          exhausted,
        });
      },
    );
  });
}

process.on('message', (job: LoadJob) => {
  run(job).then(
    (result) => process.send?.({ ok: true, result }),
    (err: unknown) => process.send?.({ ok: false, id: job.id, error: err instanceof Error ? err.message : String(err) }),
  );
});
process.on('disconnect', () => process.exit(0));
