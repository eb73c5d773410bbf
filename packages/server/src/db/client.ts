// One Database interface over two drivers: node-postgres in production, PGlite (PostgreSQL in
// WASM) embedded by default. Both run the same SQL migrations from ../../drizzle.
import { createHash, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { ADVISORY_LOCKS } from './advisory-locks.js';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { ownerOnlyUmask, restrictToOwner } from './owner-only.js';
import * as schema from './schema.js';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle; repositories accept either this or the Database. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Tx;

/** Runs raw SQL and returns its rows typed as T (both drivers answer with `.rows`). */
export async function queryRows<T>(ex: Executor, query: SQL): Promise<T[]> {
  const result = (await ex.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Writes of two modules that must commit together, in one statement instead of a transaction: `ctes`
 * (WITH items) perform the first module's write and leave the CTE named `passed` with a row only when
 * it happened (a compare-and-swap held); the second module's write selects from `passed`, so it
 * happens with it or not at all.
 */
export interface StatementGate {
  ctes: SQL;
  passed: SQL;
}

/** The gate, with more WITH items riding in its statement (each gated on `passed` itself). */
export const gateWith = (gate: StatementGate, more: (passed: SQL) => SQL): StatementGate => ({ ...gate, ctes: sql`${gate.ctes}, ${more(gate.passed)}` });

const dialect = new PgDialect();

/** The node-postgres connection a transaction runs on (set by openPostgres), for preparedRows. */
const PG_CLIENT = Symbol('saasready.pgClient');

/**
 * Like queryRows, for the queries on every request's path (session check, membership lookup, the
 * writes every sign-up or invitation makes). On PostgreSQL it runs as a named prepared statement, so
 * the server parses and plans it once per connection instead of on every request (measured: /auth/me
 * went from 23% to ~70% of the bench ceiling). `name` must always go with the same SQL text.
 */
export async function preparedRows<T>(ex: Executor, name: string, query: SQL): Promise<T[]> {
  return runPrepared<T>(ex, () => name, query);
}

/**
 * preparedRows for a statement whose text depends on what the caller composed into it (WITH items
 * riding along): named `prefix` plus a digest of its text, so each variant is its own statement.
 */
export async function preparedRowsOfText<T>(ex: Executor, prefix: string, query: SQL): Promise<T[]> {
  return runPrepared<T>(ex, (text) => `${prefix}_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`, query);
}

/** A named prepared statement on PostgreSQL (`nameOf` its text, rendered once); queryRows elsewhere. */
async function runPrepared<T>(ex: Executor, nameOf: (text: string) => string, query: SQL): Promise<T[]> {
  type Queryable = { query: (...args: unknown[]) => Promise<{ rows: T[] }>; totalCount?: number };
  const pooled = (ex as { $client?: Queryable }).$client;
  // a transaction on PostgreSQL: the connection it runs on (openPostgres tags it)
  const client = (ex as { [PG_CLIENT]?: Queryable })[PG_CLIENT] ?? (pooled && typeof pooled.totalCount === 'number' ? pooled : undefined);
  if (!client) return queryRows<T>(ex, query);
  const { sql: text, params } = dialect.sqlToQuery(query);
  return (await client.query({ name: nameOf(text), text, values: params })).rows;
}

/** A subscription to NOTIFY messages on one channel (cache invalidation, webhook wake-ups). */
export interface ListenConnection {
  /** a round trip on the very connection the messages come by: rejects when it is dead */
  ping(): Promise<void>;
  /**
   * Ends this subscription. `broken`: its owner found the connection dead (a heartbeat that did not
   * come back): the connection is dropped for every subscription sharing it, which each hear onLost.
   */
  close(broken?: boolean): Promise<void>;
  /**
   * true when messages come from inside this process (PGlite): a commit's notifications are
   * delivered before it returns, so nothing is ever in flight.
   */
  readonly inProcess?: boolean;
}

export interface ListenHandlers {
  onMessage(payload: string): void;
  /** the connection broke (never called after close()) */
  onLost(err: Error): void;
}

export interface DatabaseHandle {
  db: Database;
  kind: 'postgres' | 'pglite';
  /**
   * LISTEN on `channel`: on PostgreSQL over one connection per handle that every channel of this
   * handle shares (the cache's and the webhook worker's), on PGlite on the embedded instance.
   */
  listen(channel: string, handlers: ListenHandlers): Promise<ListenConnection>;
  /**
   * Objects that code deep inside a transaction needs from the app that owns this database, without
   * threading them through every call (the webhook subscription hints). Opaque here; `localsOf(tx)`
   * finds them from any transaction of this handle.
   */
  locals: Map<string, unknown>;
  /**
   * `barrier` is called after every transaction that fired a cache-invalidation trigger committed,
   * with the token its last notification carried; the transaction's caller resumes once every
   * barrier (one per app sharing this handle) resolved. Returns the function that removes it.
   */
  addCommitBarrier(barrier: CommitBarrier): () => void;
  /** PGlite only: a dump of the data directory, to clone this database cheaply */
  dump?(): Promise<Blob>;
  /** applies pending migrations; safe to call from several processes at once */
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The channel the cache-invalidation triggers (migration 0009) notify on. */
export const CACHE_CHANNEL = 'saasready_cache';

/** the listening connection's application_name (operators and tests find it in pg_stat_activity) */
export const LISTENER_NAME = 'saasready-cache-listener';

export type CommitBarrier = (token: string) => Promise<void>;

const LOCALS = Symbol('saasready.locals');

/**
 * The `locals` of the handle `ex` belongs to: set on its Database and on each transaction it opens
 * (a savepoint's nested transaction has none: callers then do without, e.g. read the database).
 */
export function localsOf(ex: Executor): Map<string, unknown> | undefined {
  return (ex as unknown as { [LOCALS]?: Map<string, unknown> })[LOCALS];
}

function tagLocals(target: object, locals: Map<string, unknown>): void {
  Object.defineProperty(target, LOCALS, { value: locals, enumerable: false, configurable: true });
}

function barrierSet() {
  const barriers = new Set<CommitBarrier>();
  const add = (barrier: CommitBarrier) => {
    barriers.add(barrier);
    return () => void barriers.delete(barrier);
  };
  return { barriers, add };
}

/**
 * Work a module leaves for the end of a transaction (the audit rows it recorded, written in one go):
 * run after the caller's work and before COMMIT, only when the work succeeded. `barrier`, when given,
 * is the commit barrier's check as a WITH item named `commit_barrier`: a hook whose last statement
 * includes it and selects `(select count(*) from commit_barrier)` answers that count, and the
 * transaction then needs no statement of its own for the check; a hook that does not answers undefined.
 */
export type CommitHook = (tx: Tx, barrier: SQL | null) => Promise<number | undefined>;

const HOOKS = Symbol('saasready.commitHooks');
type Hooked = { [HOOKS]?: Map<string, CommitHook> };

/**
 * Registers `hook` under `key` (once per transaction) to run before `ex` commits. False when `ex` is
 * not the outermost transaction of a database opened here (the Database itself, or a savepoint,
 * whose rollback the hook could not follow): the caller then does its work at once.
 */
export function beforeCommit(ex: Executor, key: string, hook: CommitHook): boolean {
  const hooks = (ex as unknown as Hooked)[HOOKS];
  if (!hooks) return false;
  if (!hooks.has(key)) hooks.set(key, hook);
  return true;
}

/** Runs the hooks; answers whether the barrier's check ran in the last one, and what it counted. */
async function runHooks(tx: Tx, hooks: Map<string, CommitHook>, barrier: SQL | null): Promise<number | undefined> {
  // a hook may register another (or itself again, for what was recorded while it ran)
  let answered: number | undefined;
  while (hooks.size) {
    const [key, hook] = hooks.entries().next().value as [string, CommitHook];
    hooks.delete(key);
    answered = await hook(tx, hooks.size === 0 ? barrier : null);
    if (hooks.size) answered = undefined;
  }
  return answered;
}

/**
 * Read-your-writes for this process's caches: after the work, the transaction asks whether a cache
 * trigger fired in it (it sets `saasready.cache_dirty`); if so it sends a last notification
 * `tx:<token>` — in the last commit hook's statement when there is one, else in one of its own.
 * Notifications arrive in commit order, so once this process has received that token it has applied
 * every invalidation of the transaction: only then does the caller go on (and answer its client).
 */
function withCommitBarrier(inner: Database['transaction'], barriers: ReadonlySet<CommitBarrier>, locals: Map<string, unknown>): Database['transaction'] {
  const transaction = async <T>(work: (tx: Tx) => Promise<T>, config?: Parameters<Database['transaction']>[1]): Promise<T> => {
    let token: string | null = null;
    const result = await inner(async (tx) => {
      tagLocals(tx, locals);
      const hooks = new Map<string, CommitHook>();
      Object.defineProperty(tx, HOOKS, { value: hooks, enumerable: false, configurable: true });
      const value = await work(tx);
      const candidate = barriers.size ? randomBytes(12).toString('base64url') : null;
      const check = candidate
        ? sql`commit_barrier as (select pg_notify(${CACHE_CHANNEL}, ${`tx:${candidate}`}) as sent where current_setting('saasready.cache_dirty', true) = 'on')`
        : null;
      let sent = await runHooks(tx, hooks, check);
      // the transaction is committing: a late recordAudit (none should) writes at once
      Object.defineProperty(tx, HOOKS, { value: undefined });
      if (check && sent === undefined) {
        sent = (await queryRows<{ sent: number }>(tx, sql`with ${check} select count(*)::int as sent from commit_barrier`))[0]!.sent;
      }
      if (sent) token = candidate;
      return value;
    }, config);
    if (token) await Promise.all([...barriers].map((wait) => wait(token!)));
    return result;
  };
  return transaction as Database['transaction'];
}

const MIGRATIONS = fileURLToPath(new URL('../../drizzle', import.meta.url));
/** the advisory lock under which migrations run */
const MIGRATION_LOCK = ADVISORY_LOCKS.migrations;

export interface DatabaseOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  poolMax?: number;
  /** in-memory PGlite only: start from this data-directory dump (tests clone a migrated database) */
  pgliteDump?: Blob;
  /** in-memory PGlite only: postgresql.conf lines (tests shrink shared_buffers: zeroing 128 MB is most of a start) */
  pgliteConf?: string[];
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolMax ?? 10) : openPglite(options.dataDir, options.pgliteDump, options.pgliteConf);
}

type PgModule = typeof import('pg').default;

/**
 * One LISTEN connection for every channel of a handle (the cache's invalidations, the webhook
 * worker's wake-ups): one connection per process instead of one per listener. Each subscriber hears
 * only its channel; a loss is told to all of them (each reconnects on its own, and they meet on the
 * next connection). A subscriber that finds the connection dead (its heartbeat) closes it as
 * `broken`, which ends it for everyone: nobody keeps listening on a connection known to be silent.
 */
function sharedListener(pg: PgModule, url: string): Pick<DatabaseHandle, 'listen'> {
  interface Subscriber {
    channel: string;
    handlers: ListenHandlers;
    active: boolean;
  }
  interface Shared {
    client: InstanceType<PgModule['Client']>;
    ready: Promise<void>;
    subscribers: Set<Subscriber>;
    /** channel → its LISTEN (several subscribers of one channel wait for the same one) */
    channels: Map<string, Promise<void>>;
    dead: boolean;
  }
  let current: Shared | null = null;

  const endClient = async (client: Shared['client']) => {
    // a connection whose peer stopped answering may never acknowledge the goodbye: do not wait on it
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([client.end().catch(() => {}), new Promise((resolve) => (timer = setTimeout(resolve, 1_000).unref()))]);
    clearTimeout(timer);
  };

  const lose = (shared: Shared, err: Error) => {
    if (shared.dead) return;
    shared.dead = true;
    if (current === shared) current = null;
    void endClient(shared.client);
    for (const subscriber of [...shared.subscribers]) {
      if (!subscriber.active) continue;
      subscriber.active = false;
      subscriber.handlers.onLost(err);
    }
    shared.subscribers.clear();
  };

  const open = (): Shared => {
    const client = new pg.Client({ connectionString: url, keepAlive: true, connectionTimeoutMillis: 5_000, application_name: LISTENER_NAME });
    const shared: Shared = { client, ready: Promise.resolve(), subscribers: new Set(), channels: new Map(), dead: false };
    client.on('notification', (message) => {
      if (message.payload === undefined) return;
      for (const subscriber of shared.subscribers) if (subscriber.active && subscriber.channel === message.channel) subscriber.handlers.onMessage(message.payload);
    });
    client.on('error', (err) => lose(shared, err));
    client.on('end', () => lose(shared, new Error('listen connection ended')));
    shared.ready = client.connect().then(() => {}, (err: Error) => {
      lose(shared, err);
      throw err;
    });
    return shared;
  };

  return {
    async listen(channel, handlers) {
      const shared = current && !current.dead ? current : (current = open());
      await shared.ready;
      if (shared.dead) throw new Error('listen connection ended');
      // subscribed before LISTEN takes effect: no message after it is missed
      const subscriber: Subscriber = { channel, handlers, active: true };
      shared.subscribers.add(subscriber);
      let listening = shared.channels.get(channel);
      if (!listening) {
        listening = shared.client.query(`listen ${channel}`).then(() => {});
        shared.channels.set(channel, listening);
      }
      try {
        await listening;
      } catch (err) {
        subscriber.active = false;
        lose(shared, err as Error);
        throw err;
      }
      if (!subscriber.active) throw new Error('listen connection ended');
      return {
        async ping() {
          if (shared.dead) throw new Error('listen connection ended');
          await shared.client.query('select 1');
        },
        async close(broken) {
          if (!subscriber.active) return;
          subscriber.active = false;
          shared.subscribers.delete(subscriber);
          if (broken) return lose(shared, new Error('listen connection found dead by a subscriber'));
          if (shared.dead) return;
          if (![...shared.subscribers].some((s) => s.channel === channel)) {
            shared.channels.delete(channel);
            if (shared.subscribers.size) await shared.client.query(`unlisten ${channel}`).catch(() => {});
          }
          if (!shared.subscribers.size) {
            shared.dead = true;
            if (current === shared) current = null;
            await endClient(shared.client);
          }
        },
      };
    },
  };
}

async function openPostgres(url: string, poolMax: number): Promise<DatabaseHandle> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const pool = new pg.Pool({
    connectionString: url,
    max: poolMax,
    // Never let a request hang on a dead database: fail fast and answer 503.
    connectionTimeoutMillis: 5_000,
    statement_timeout: 15_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its connection (database restart) must not crash the process.
  pool.on('error', () => {});
  // A client checked out for a transaction has no pool listener: its connection dying mid-transaction
  // (restart, 57P01, reset) would be an unhandled 'error' event and kill the process. The pending
  // query rejects by itself (→ 503), and the pool discards the broken client when it is released.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = drizzle(pool, { schema }) as unknown as Database;
  // drizzle-orm sends BEGIN before the try/finally that releases its pooled client: when BEGIN fails
  // (the connection died right after checkout) the client is never released, the pool loses that
  // slot for good and close() hangs. So transactions run on a client this function releases itself.
  const onClient = new WeakMap<object, Database>();
  const transaction: Database['transaction'] = async (work, config) => {
    const client = await pool.connect();
    try {
      let clientDb = onClient.get(client);
      if (!clientDb) onClient.set(client, (clientDb = drizzle(client, { schema }) as unknown as Database));
      return await clientDb.transaction((tx) => {
        Object.defineProperty(tx, PG_CLIENT, { value: client, enumerable: false });
        return work(tx);
      }, config);
    } finally {
      client.release();
    }
  };
  const commitBarriers = barrierSet();
  const locals = new Map<string, unknown>();
  db.transaction = withCommitBarrier(transaction, commitBarriers.barriers, locals);
  tagLocals(db, locals);
  const listener = sharedListener(pg, url);
  return {
    db,
    kind: 'postgres',
    listen: listener.listen,
    locals,
    addCommitBarrier: commitBarriers.add,
    async migrate() {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
        // a migration may rewrite a large table (0010 backfills every membership: ~2 min at 1.5M
        // rows): the requests' 15 s statement timeout is not meant for it
        await client.query('set statement_timeout = 0');
        await migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS });
      } finally {
        await client.query('reset statement_timeout').catch(() => {});
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
        client.release();
      }
    },
    async ping() {
      await db.execute(sql`select 1`);
    },
    async close() {
      await pool.end();
    },
  };
}

async function openPglite(dataDir: string, dump?: Blob, conf?: string[]): Promise<DatabaseHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  let client: InstanceType<typeof PGlite>;
  let lock: DataDirLock | undefined;
  // pg_trgm backs the substring searches (users, organizations, members) with GIN indexes;
  // btree_gin lets the member search index hold the organization id beside the trigrams
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { btree_gin } = await import('@electric-sql/pglite/contrib/btree_gin');
  const extensions = { pg_trgm, btree_gin };
  if (dataDir === 'memory://') {
    client = new PGlite({ extensions, ...(dump ? { loadDataDir: dump } : {}), ...(conf ? { postgresqlconf: conf } : {}) });
  } else {
    const dir = join(dataDir, 'pgdata');
    ownerOnlyUmask();
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // one process per DATA_DIR (see data-dir-lock.ts): refuse before touching the database
    lock = lockDataDir(dataDir);
    // an existing DATA_DIR from before this rule (or restored from a backup) is tightened too
    restrictToOwner(dataDir);
    client = new PGlite({ dataDir: dir, extensions });
  }
  try {
    await client.waitReady;
  } catch (err) {
    lock?.release();
    throw err;
  }
  if (dataDir !== 'memory://') restrictToOwner(dataDir);
  const db = drizzle(client, { schema }) as unknown as Database;
  const commitBarriers = barrierSet();
  const locals = new Map<string, unknown>();
  db.transaction = withCommitBarrier(db.transaction.bind(db), commitBarriers.barriers, locals);
  tagLocals(db, locals);
  return {
    db,
    kind: 'pglite',
    locals,
    async listen(channel, handlers) {
      // one embedded instance, one process: nothing to lose, nothing to reconnect
      const unlisten = await client.listen(channel, (payload) => handlers.onMessage(payload));
      return {
        inProcess: true,
        async ping() {},
        async close() {
          // the instance may already be closed (and with it every listener)
          await unlisten().catch(() => {});
        },
      };
    },
    addCommitBarrier: commitBarriers.add,
    async dump() {
      // a checkpoint first: each clone then starts without replaying the WAL (~10% of its start-up CPU)
      await client.query('checkpoint');
      return (await client.dumpDataDir('none')) as Blob;
    },
    async migrate() {
      await migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS });
    },
    async ping() {
      await client.query('select 1');
    },
    async close() {
      try {
        await client.close();
        if (dataDir !== 'memory://') restrictToOwner(dataDir);
      } finally {
        lock?.release();
      }
    },
  };
}
