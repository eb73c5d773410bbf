// Medians over rounds, and the Markdown the bench prints and writes to docs/benchmarks.md.
import type { LoadResult } from './load.js';

export const median = (values: number[]): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export interface ScenarioRounds {
  db: string;
  scenario: string;
  /** the row is the ceiling itself */
  isCeiling: boolean;
  connections: number;
  rounds: LoadResult[];
  /** this scenario's req/s ÷ the ceiling's, per round (same DB, same round) */
  ratios: number[];
  notes: string[];
}

export interface Summary {
  db: string;
  scenario: string;
  isCeiling: boolean;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  ratio: number | null;
  perRound: number[];
  notes: string[];
}

export function summarize(s: ScenarioRounds): Summary {
  return {
    db: s.db,
    scenario: s.scenario,
    isCeiling: s.isCeiling,
    connections: s.connections,
    rps: median(s.rounds.map((r) => r.rps)),
    p50: median(s.rounds.map((r) => r.p50)),
    p99: median(s.rounds.map((r) => r.p99)),
    errors: s.rounds.reduce((n, r) => n + r.errors, 0),
    non2xx: s.rounds.reduce((n, r) => n + r.non2xx, 0),
    ratio: s.isCeiling ? null : median(s.ratios),
    perRound: s.rounds.map((r) => r.rps),
    notes: s.notes,
  };
}

const fmt = (n: number, digits = 0): string =>
  Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '—';

export function markdownTable(rows: Summary[]): string {
  const lines = [
    '| Database | Scenario | Conns | Req/s (median) | p50 ms | p99 ms | Errors | Non-2xx | vs ceiling |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    const ratio = r.ratio === null ? '100% (ref.)' : `${fmt(r.ratio * 100)}%`;
    lines.push(
      `| ${r.db} | ${r.scenario} | ${r.connections} | ${fmt(r.rps)} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | ${r.errors} | ${r.non2xx} | ${ratio} |`,
    );
  }
  return lines.join('\n');
}

export function perRoundTable(rows: Summary[]): string {
  const rounds = Math.max(...rows.map((r) => r.perRound.length));
  const header = ['Database', 'Scenario', ...Array.from({ length: rounds }, (_, i) => `round ${i + 1}`)];
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map((_, i) => (i < 2 ? '---' : '---:')).join(' | ')} |`];
  for (const r of rows) lines.push(`| ${r.db} | ${r.scenario} | ${r.perRound.map((v) => fmt(v)).join(' | ')} |`);
  return lines.join('\n');
}

export { fmt };
