#!/usr/bin/env node
// saasready start | migrate | keys rotate | create-admin --email … [--full-name …] | audit verify [--org ID]
// Each command imports what it runs when it runs: usage errors and one-off commands do not load the
// HTTP server (importing everything cost ~1.3 s of CPU before a command could even say "unknown").
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config.js';
import type { DatabaseHandle } from './db/client.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { AppError } from './lib/errors.js';

const USAGE = `Usage: saasready <command>

Commands:
  start [--workers N]                     migrate, then serve the API (default); N processes need DATABASE_URL
  migrate                                 apply pending database migrations
  keys rotate                             add a new JWT signing key; old keys verify until their tokens expire
  audit verify [--org ID]                 walk the audit hash chains (every organization, or one) and report breaks
  create-admin --email E [--full-name N]
                                          create (or promote) an instance superuser; the password is read
                                          from SAASREADY_ADMIN_PASSWORD, or standard input (first line; a
                                          prompt on a terminal). --password P also works but shows in ps.

Configuration comes from environment variables; see the README.`;

async function withDatabase<T>(config: Config, work: (database: DatabaseHandle) => Promise<T>): Promise<T> {
  const { openDatabase } = await import('./db/client.js');
  const database = await openDatabase(config);
  try {
    await database.migrate();
    return await work(database);
  } finally {
    await database.close();
  }
}

/**
 * The password from standard input: the first line when it is a pipe or file, or typed at a prompt
 * without echo when it is a terminal. Empty when there is nothing to read.
 */
async function readPassword(): Promise<string> {
  const stdin = process.stdin;
  if (stdin.isTTY) {
    process.stderr.write('Password for the new superuser: ');
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    let typed = '';
    return new Promise((resolve) => {
      const onData = (chunk: string) => {
        for (const ch of chunk) {
          if (ch === '\r' || ch === '\n' || ch === '\u0004') {
            stdin.setRawMode(false);
            stdin.off('data', onData);
            stdin.pause();
            process.stderr.write('\n');
            return resolve(typed);
          }
          if (ch === '\u0003') process.exit(130);
          if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
          else typed += ch;
        }
      };
      stdin.on('data', onData);
      stdin.resume();
    });
  }
  let input = '';
  stdin.setEncoding('utf8');
  for await (const chunk of stdin) {
    input += String(chunk);
    if (input.includes('\n')) break;
  }
  stdin.destroy();
  return input.split(/\r?\n/)[0] ?? '';
}

async function main(argv: string[]): Promise<number> {
  const [command = 'start', ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  if (command !== 'start') {
    // Ctrl-C or a kill during a one-off command: exit through 'exit', which releases the DATA_DIR lock
    process.once('SIGINT', () => process.exit(130));
    process.once('SIGTERM', () => process.exit(143));
  }
  switch (command) {
    case 'start': {
      const { values } = parseArgs({ args: rest, options: { workers: { type: 'string' } } });
      const workers = values.workers === undefined ? 1 : Number(values.workers);
      if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
        console.error('--workers must be a whole number from 1 to 64');
        return 2;
      }
      if (workers > 1 && !config.databaseUrl) {
        console.error('--workers needs DATABASE_URL: the embedded database serves one process');
        return 2;
      }
      if (workers > 1) await (await import('./cluster.js')).startCluster(config, workers);
      else await (await import('./server.js')).startServer(config);
      return -1; // keep running
    }
    case 'migrate':
      await withDatabase(config, async () => {});
      console.log('migrations applied');
      return 0;
    case 'keys': {
      if (rest[0] !== 'rotate') break;
      const { Keyring } = await import('./modules/signing-keys/service.js');
      const kid = await withDatabase(config, async ({ db }) => {
        const keyring = new Keyring(db, { masterKey: config.masterKey, alg: config.jwtAlg, accessTokenTtl: config.accessTokenTtl, issuer: config.issuer, audience: config.audience });
        await keyring.init();
        keyring.stop();
        return keyring.rotate();
      });
      console.log(`new signing key ${kid}; running servers pick it up within a minute`);
      return 0;
    }
    case 'audit': {
      if (rest[0] !== 'verify') break;
      const { values } = parseArgs({ args: rest.slice(1), options: { org: { type: 'string' } } });
      const { listAuditChains, verifyChain } = await import('./modules/audit-logs/service.js');
      const broken = await withDatabase(config, async ({ db }) => {
        const chains = values.org ? [values.org] : await listAuditChains(db);
        let failures = 0;
        // a chain is named by its organization's id, its user's id (events outside any organization), or nil
        for (const chain of chains) {
          const result = await verifyChain(db, chain);
          const name = chain ?? '(no organization, no user)';
          if (result.ok) console.log(`ok      ${name}: ${result.checked} rows`);
          else {
            failures++;
            console.log(`BROKEN  ${name}: row ${result.first_broken!.seq} (${result.first_broken!.id}): ${result.first_broken!.reason}`);
          }
        }
        return failures;
      });
      return broken ? 1 : 0;
    }
    case 'create-admin': {
      let values: { email?: string; password?: string; 'full-name'?: string };
      try {
        ({ values } = parseArgs({ args: rest, options: { email: { type: 'string' }, password: { type: 'string' }, 'full-name': { type: 'string' } } }));
      } catch (err) {
        // a mistyped or unknown option is a usage error (exit 2), not a crash
        console.error(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
        return 2;
      }
      if (!values.email) {
        console.error('create-admin needs --email');
        return 2;
      }
      const { email } = values;
      if (values.password !== undefined) console.error('warning: --password is visible to other users in the process list; prefer SAASREADY_ADMIN_PASSWORD or standard input');
      const password = values.password ?? process.env.SAASREADY_ADMIN_PASSWORD ?? (await readPassword());
      if (!password) {
        console.error('create-admin needs a password: pipe it on standard input, set SAASREADY_ADMIN_PASSWORD, or type it at the prompt');
        return 2;
      }
      const { createAdmin } = await import('./modules/users/service.js');
      const { PasswordHasher } = await import('./lib/passwords.js');
      const result = await withDatabase(config, ({ db }) =>
        createAdmin(db, new PasswordHasher(config.argon2), { email, password, fullName: values['full-name'] ?? 'Administrator' }),
      );
      console.log(`${result.created ? 'created' : 'promoted'} superuser ${result.email}`);
      return 0;
    }
  }
  console.error(`Unknown command: ${argv.join(' ')}\n\n${USAGE}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    if (err instanceof ConfigError) {
      console.error(`Invalid configuration: ${err.message}`);
      process.exit(78);
    }
    if (err instanceof DataDirLockedError) {
      console.error(err.message);
      process.exit(1);
    }
    if (err instanceof AppError) {
      console.error(`${err.title}: ${err.detail ?? ''}${err.extra.errors?.map((e) => ` ${e.field} ${e.message}`).join(';') ?? ''}`);
      process.exit(1);
    }
    console.error(err instanceof Error ? `Error: ${err.message}` : err);
    process.exit(1);
  },
);
