// SQL statements per request, counted in the bench process. The PostgreSQL server here cannot load
// pg_stat_statements (it is not in shared_preload_libraries), but everything measured — the app,
// Better Auth (Kysely over a `pg` Pool) and the ceilings — runs in this process on node-postgres, so
// wrapping `pg.Client.prototype.query` sees every statement any of them sends, BEGIN and COMMIT
// included, with the database it went to. Scenarios run one at a time; a scenario's count is the
// statements sent to its target's database from the start of its load until its last requests have
// drained, divided by the requests it sent (completed + one in flight per connection at the end).
// Not counted: the app's background work, which no request waits for — the mail worker delivering
// the outbox (every statement on email_outbox except the request's own INSERT), LISTEN, `select 1`.
import pg from 'pg';

/** database → statement text → times sent */
const sent = new Map<string, Map<string, number>>();
let installed = false;

/** Wraps pg.Client.prototype.query once; from then on every statement is counted. */
export function countStatements(): void {
  if (installed) return;
  installed = true;
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: { database?: string }, ...args: unknown[]) {
    const first = args[0] as string | { text?: string } | undefined;
    // drizzle and Kysely pass the same string object for a statement each time: the Map hashes it once
    const text = typeof first === 'string' ? first : (first?.text ?? '?');
    const database = this.database ?? '?';
    let texts = sent.get(database);
    if (!texts) sent.set(database, (texts = new Map()));
    texts.set(text, (texts.get(text) ?? 0) + 1);
    return original.apply(this, args);
  };
}

const BACKGROUND = [/^\s*(update|select|delete)\b[^]*\bemail_outbox\b/i, /^\s*(listen|unlisten)\b/i, /^\s*select 1\s*$/i];
const isBackground = (text: string) => BACKGROUND.some((re) => re.test(text));

export interface StatementCount {
  /** statements a request made (background work left out) */
  total: number;
  /** the background statements left out */
  background: number;
  /** statement text (whitespace folded, first 120 characters) → times sent, most frequent first */
  texts: [string, number][];
}

const snapshot = (database: string): Map<string, number> => new Map(sent.get(database) ?? []);
const sum = (texts: Map<string, number>): number => [...texts.values()].reduce((a, b) => a + b, 0);

/**
 * Starts counting the statements sent to `database`. `stop()` waits until no statement has been sent
 * to it for 150 ms (at most 5 s): the requests still in flight when the load ended have finished.
 */
export function statementMeter(database: string): () => Promise<StatementCount> {
  const before = snapshot(database);
  return async () => {
    let last = -1;
    for (let waited = 0; waited < 5_000; waited += 150) {
      const now = sum(sent.get(database) ?? new Map());
      if (now === last) break;
      last = now;
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    let total = 0;
    let background = 0;
    const texts: [string, number][] = [];
    for (const [text, n] of sent.get(database) ?? []) {
      const delta = n - (before.get(text) ?? 0);
      if (delta <= 0) continue;
      if (isBackground(text)) background += delta;
      else total += delta;
      texts.push([`${isBackground(text) ? '(background) ' : ''}${text.replace(/\s+/g, ' ').trim().slice(0, 120)}`, delta]);
    }
    return { total, background, texts: texts.sort((a, b) => b[1] - a[1]) };
  };
}
