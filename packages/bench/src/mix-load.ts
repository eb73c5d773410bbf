// The load generator of the mixed-traffic bench (mix.ts forks it). autocannon cannot keep state per
// connection across its request loop (refresh tokens are single use, and each virtual user must
// present its own latest one) nor time each kind of request apart, so this is a small closed-loop
// client on node:http: one keep-alive socket per virtual user, requests one at a time, in a fixed
// weighted order, every latency recorded by kind.
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

export type Kind = 'me' | 'flags' | 'members' | 'audit' | 'refresh' | 'patch';

/** 20 slots: 80% reads (me, flags), 10% lists (members, audit), 5% refresh, 5% writes */
export const MIX: Record<Kind, number> = { me: 8, flags: 8, members: 1, audit: 1, refresh: 1, patch: 1 };
export const KIND_LABEL: Record<Kind, string> = {
  me: 'GET /auth/me',
  flags: 'GET /orgs/{id}/feature-flags/evaluate (5 keys)',
  members: 'GET /orgs/{id}/members?limit=50',
  audit: 'GET /audit/orgs/{id}/logs?limit=50',
  refresh: 'POST /auth/refresh (own latest token)',
  patch: 'PATCH /orgs/{id}',
};

export interface VirtualUser {
  orgId: string;
  accessToken: string;
  refreshToken: string;
}

export interface MixJob {
  id: number;
  baseUrl: string;
  vus: VirtualUser[];
  seconds: number;
  flagKeys: string[];
  /** paced mode (soak): each virtual user starts a request every `intervalMs` at most */
  intervalMs?: number;
}

export interface KindStats {
  count: number;
  non2xx: number;
  errors: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
  /** the first non-2xx answer's body (truncated), to say what went wrong */
  sample?: string;
}

export interface MixResult {
  id: number;
  seconds: number;
  total: number;
  rps: number;
  kinds: Record<Kind, KindStats>;
  /** all reads (me, flags, members, audit) together */
  reads: { p50: number; p99: number };
  vus: VirtualUser[];
}

/** the order each virtual user walks through (spread out, not 8 me in a row), from its own offset */
function schedule(): Kind[] {
  const order: Kind[] = [];
  const left = { ...MIX };
  const total = Object.values(MIX).reduce((a, b) => a + b, 0);
  for (let i = 0; i < total; i++) {
    // the kind furthest behind its share so far goes next (smooth weighted round robin)
    let best: Kind | null = null;
    let bestScore = -Infinity;
    for (const kind of Object.keys(MIX) as Kind[]) {
      if (left[kind] === 0) continue;
      const score = left[kind] / MIX[kind] + MIX[kind] / total;
      if (score > bestScore) {
        bestScore = score;
        best = kind;
      }
    }
    order.push(best!);
    left[best!]--;
  }
  return order;
}

const quantile = (sorted: number[], q: number): number => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN);

function send(agent: http.Agent, url: URL, method: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: body ? { ...headers, 'content-length': Buffer.byteLength(body).toString() } : headers, agent, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

async function run(job: MixJob): Promise<MixResult> {
  const order = schedule();
  const lat: Record<Kind, number[]> = { me: [], flags: [], members: [], audit: [], refresh: [], patch: [] };
  const stats = Object.fromEntries((Object.keys(MIX) as Kind[]).map((k) => [k, { count: 0, non2xx: 0, errors: 0, statuses: {} as Record<string, number> }])) as Record<
    Kind, { count: number; non2xx: number; errors: number; statuses: Record<string, number>; sample?: string }
  >;
  const started = performance.now();
  const end = started + job.seconds * 1000;
  const vus = job.vus.map((v) => ({ ...v }));
  await Promise.all(
    vus.map(async (vu, index) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      let step = (index * 7) % order.length;
      let flip = 0;
      let nextStart = performance.now();
      while (performance.now() < end) {
        if (job.intervalMs) {
          const wait = nextStart - performance.now();
          if (wait > 0) await sleep(wait);
          nextStart += job.intervalMs;
          if (performance.now() >= end) break;
        }
        const kind = order[step++ % order.length]!;
        const auth = { authorization: `Bearer ${vu.accessToken}` };
        const json = { 'content-type': 'application/json' };
        const target: [string, string, Record<string, string>, string | undefined] =
          kind === 'me' ? ['GET', '/api/v1/auth/me', auth, undefined]
          : kind === 'flags' ? ['GET', `/api/v1/orgs/${vu.orgId}/feature-flags/evaluate?keys=${job.flagKeys.join(',')}`, auth, undefined]
          : kind === 'members' ? ['GET', `/api/v1/orgs/${vu.orgId}/members?limit=50`, auth, undefined]
          : kind === 'audit' ? ['GET', `/api/v1/audit/orgs/${vu.orgId}/logs?limit=50`, auth, undefined]
          : kind === 'refresh' ? ['POST', '/api/v1/auth/refresh', json, JSON.stringify({ refresh_token: vu.refreshToken })]
          : ['PATCH', `/api/v1/orgs/${vu.orgId}`, { ...auth, ...json }, JSON.stringify({ description: `Mix bench ${flip++ % 2 ? 'a' : 'b'}` })];
        const t = performance.now();
        const s = stats[kind];
        try {
          const { status, text } = await send(agent, new URL(target[1], job.baseUrl), target[0], target[2], target[3]);
          lat[kind].push(performance.now() - t);
          s.count++;
          s.statuses[status] = (s.statuses[status] ?? 0) + 1;
          if (status < 200 || status >= 300) {
            s.non2xx++;
            s.sample ??= `${status} ${text.slice(0, 300)}`;
          }
          else if (kind === 'refresh') {
            const body = JSON.parse(text) as { access_token: string; refresh_token: string };
            vu.accessToken = body.access_token;
            vu.refreshToken = body.refresh_token;
          }
        } catch {
          s.errors++;
        }
      }
      agent.destroy();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const kinds = {} as Record<Kind, KindStats>;
  const reads: number[] = [];
  let total = 0;
  for (const kind of Object.keys(MIX) as Kind[]) {
    const sorted = lat[kind].sort((a, b) => a - b);
    // not push(...sorted): a 10-minute soak has hundreds of thousands of samples, past the argument limit
    if (kind !== 'refresh' && kind !== 'patch') for (const ms of sorted) reads.push(ms);
    total += stats[kind].count;
    kinds[kind] = { ...stats[kind], p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) };
  }
  reads.sort((a, b) => a - b);
  return { id: job.id, seconds, total, rps: total / seconds, kinds, reads: { p50: quantile(reads, 0.5), p99: quantile(reads, 0.99) }, vus };
}

process.on('message', (job: MixJob) => {
  run(job).then(
    (result) => process.send?.({ ok: true, result }),
    (err: unknown) => process.send?.({ ok: false, id: job.id, error: err instanceof Error ? err.message : String(err) }),
  );
});
process.on('disconnect', () => process.exit(0));
