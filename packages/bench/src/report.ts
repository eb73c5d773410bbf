// Medians over rounds, and the Markdown the bench prints and writes to docs/benchmarks.md.
import type { CpuSample } from './load-client.js';
import type { LoadResult } from './load.js';

export const median = (values: number[]): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export interface ScenarioRounds {
  db: string;
  /** the scenario's short name (BENCH_ONLY) */
  key: string;
  scenario: string;
  /** the row is the ceiling itself */
  isCeiling: boolean;
  connections: number;
  rounds: LoadResult[];
  /** this scenario's req/s ÷ the ceiling's, per round (same DB, same round) */
  ratios: number[];
  /** CPU spent during each round's measurement, by process */
  cpu: CpuSample[];
  /** SQL statements sent per completed request, per round (statements.ts) */
  statements: number[];
  notes: string[];
}

export interface Summary {
  db: string;
  key: string;
  scenario: string;
  isCeiling: boolean;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  ratio: number | null;
  /** CPU µs per completed request: the bench process (app, ceiling, and PGlite when it is PGlite) */
  serverUs: number;
  /** CPU µs per completed request in PostgreSQL's processes (null on PGlite: it runs in the server) */
  postgresUs: number | null;
  /** SQL statements per completed request (median over rounds; in-process count, see statements.ts) */
  statements: number | null;
  perRound: number[];
  notes: string[];
}

export function summarize(s: ScenarioRounds): Summary {
  return {
    db: s.db,
    key: s.key,
    scenario: s.scenario,
    isCeiling: s.isCeiling,
    connections: s.connections,
    rps: median(s.rounds.map((r) => r.rps)),
    p50: median(s.rounds.map((r) => r.p50)),
    p99: median(s.rounds.map((r) => r.p99)),
    errors: s.rounds.reduce((n, r) => n + r.errors, 0),
    non2xx: s.rounds.reduce((n, r) => n + r.non2xx, 0),
    ratio: s.isCeiling ? null : median(s.ratios),
    serverUs: median(s.rounds.map((r, i) => (s.cpu[i]?.server ?? NaN) / Math.max(1, r.total))),
    postgresUs: s.db === 'PGlite' ? null : median(s.rounds.map((r, i) => (s.cpu[i]?.postgres ?? NaN) / Math.max(1, r.total))),
    statements: s.statements.length ? median(s.statements) : null,
    perRound: s.rounds.map((r) => r.rps),
    notes: s.notes,
  };
}

const fmt = (n: number, digits = 0): string =>
  Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '—';

export const pct = (ratio: number | null | undefined): string => (ratio === null || ratio === undefined || !Number.isFinite(ratio) ? '—' : `${fmt(ratio * 100)}%`);
export const cpuCell = (us: number | null): string => (us === null ? '—' : fmt(us));
/** SQL statements per request, one decimal (background statements make it fractional) */
export const statementsCell = (n: number | null | undefined): string => (n === null || n === undefined || !Number.isFinite(n) ? '—' : fmt(n, 1));

export function markdownTable(rows: Summary[]): string {
  const lines = [
    '| Database | Scenario | Conns | Req/s (median) | p50 ms | p99 ms | Errors | Non-2xx | vs ceiling | server CPU µs/req | PostgreSQL CPU µs/req | SQL statements/req |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    const ratio = r.ratio === null ? '100% (ref.)' : pct(r.ratio);
    lines.push(
      `| ${r.db} | ${r.scenario} | ${r.connections} | ${fmt(r.rps)} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | ${r.errors} | ${r.non2xx} | ${ratio} | ${cpuCell(r.serverUs)} | ${cpuCell(r.postgresUs)} | ${statementsCell(r.statements)} |`,
    );
  }
  return lines.join('\n');
}

/** A Markdown table from a header and rows of cells; columns after the first `left` are right-aligned. */
export function table(header: string[], rows: string[][], left = 2): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (i < left ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
}

export function perRoundTable(rows: Summary[]): string {
  const rounds = Math.max(...rows.map((r) => r.perRound.length));
  const header = ['Database', 'Scenario', ...Array.from({ length: rounds }, (_, i) => `round ${i + 1}`)];
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map((_, i) => (i < 2 ? '---' : '---:')).join(' | ')} |`];
  for (const r of rows) lines.push(`| ${r.db} | ${r.scenario} | ${r.perRound.map((v) => fmt(v)).join(' | ')} |`);
  return lines.join('\n');
}

export { fmt };
