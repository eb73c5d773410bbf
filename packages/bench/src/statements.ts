// SQL statements per request, counted in the bench process. The PostgreSQL server here cannot load
// pg_stat_statements (it is not in shared_preload_libraries), but everything measured — the app,
// Better Auth (Kysely over a `pg` Pool) and the ceilings — runs in this process on node-postgres, so
// wrapping `pg.Client.prototype.query` sees every statement any of them sends, BEGIN and COMMIT
// included. Scenarios run one at a time, so statements during a scenario ÷ its completed requests is
// that scenario's count; whatever runs in the background (the mail worker's poll, the cache's
// LISTEN connection) lands in it too, and the per-scenario text tally shows how much.
import pg from 'pg';

let total = 0;
const byText = new Map<string, number>();
let installed = false;

/** Wraps pg.Client.prototype.query once; from then on every statement is counted. */
export function countStatements(): void {
  if (installed) return;
  installed = true;
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    total++;
    const first = args[0] as string | { text?: string } | undefined;
    const text = (typeof first === 'string' ? first : first?.text ?? '?').replace(/\s+/g, ' ').slice(0, 120);
    byText.set(text, (byText.get(text) ?? 0) + 1);
    return original.apply(this, args);
  };
}

export interface StatementCount {
  total: number;
  /** statement text (whitespace folded, first 120 characters) → times sent, most frequent first */
  texts: [string, number][];
}

/** Starts counting; the returned function gives the statements sent since. */
export function statementMeter(): () => StatementCount {
  const before = total;
  byText.clear();
  return () => ({ total: total - before, texts: [...byText.entries()].sort((a, b) => b[1] - a[1]) });
}
