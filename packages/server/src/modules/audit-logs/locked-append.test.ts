// The one-statement append (repository appendLockedSql): PostgreSQL locks the chains' heads, places
// the rows after them and hashes them from the server's template. The hash it computes must be the
// one verification recomputes, for any content a client can put in a row, and concurrent appends to
// one chain must still queue into a dense, verifiable chain.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { newId } from '../../lib/ids.js';
import { systemContext } from '../../lib/request-context.js';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { holdOpen, lockWaiters, testDbKind } from '../../../test/helpers/db.js';
import { login, registerUser } from '../../../test/helpers/factories.js';
import { chainHash, chainTemplate } from './chain.js';
import { appendLocked, newChainHeadsSql, type AuditRow, type UnplacedRow } from './repository.js';
import { recordAudit, verifyChain } from './service.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const db = () => t.database.handle.db;

/** Content a client controls, at its most awkward: quotes, backslashes, control characters (and text shaped like the template's holes, whose random part no client knows), non-ASCII. */
const AWKWARD = {
  quote: 'say "hi"',
  backslash: 'C:\\temp\\"x"',
  control: '\u0001at \u0001prev \u0001seq \n\t\u007f',
  hole_lookalike: '"\\u0001prev"',
  unicode: 'Zürich 東京 🎉 \u2028',
  nested: { z: [1, 'two', null, true, { y: -0.5 }], a: {} },
};

const unplaced = (organizationId: string | null, chainKey: string | null, action: string, metadata: Record<string, unknown>): UnplacedRow => {
  const row = {
    id: newId(), organization_id: organizationId, chain_key: chainKey, actor_type: 'system', actor_user_id: null, actor_api_key_id: null,
    actor_email: null, action, target_type: 'thing', target_id: 'x"\\y', metadata, ip_address: '2001:db8::1', user_agent: 'agent "007" \u00e9', request_id: 'req-1',
  };
  return { ...row, template: chainTemplate(row) };
};

it('places and hashes rows in the database exactly as the server hashes them, for any content', async () => {
  const owner = await registerUser(t);
  // both chains have their head row: the organization's (its creation was audited) and the user's
  const rows = [
    unplaced(owner.orgId, null, 'user.role.updated', AWKWARD),
    unplaced(null, owner.userId, 'user.profile.updated', { ...AWKWARD, second: true }),
    unplaced(owner.orgId, null, 'user.role.updated', { n: 2 }),
  ];
  const { placed } = await db().transaction((tx) => appendLocked(tx, rows, null));
  expect(placed).toHaveLength(3);
  const stored = await queryRows<AuditRow & { created_at: Date }>(db(), sql`select * from audit_logs where id in (${sql.join(rows.map((r) => sql`${r.id}::uuid`), sql`, `)}) order by seq`);
  for (const row of stored) expect(chainHash(row.prev_hash, row)).toBe(row.hash);
  // the two rows of the organization's chain follow each other, and the head moved to the last
  const [first, , third] = rows.map((r) => stored.find((s) => s.id === r.id)!);
  expect(Number(third!.seq)).toBe(Number(first!.seq) + 1);
  expect(third!.prev_hash).toBe(first!.hash);
  const [head] = await queryRows<{ seq: string; hash: string }>(db(), sql`select seq, hash from audit_chain_heads where chain_key = ${owner.orgId}`);
  expect({ seq: Number(head!.seq), hash: head!.hash }).toEqual({ seq: Number(third!.seq), hash: third!.hash });
  expect(await verifyChain(db(), owner.orgId)).toMatchObject({ ok: true, first_broken: null });
  expect(await verifyChain(db(), owner.userId)).toMatchObject({ ok: true, first_broken: null });
});

it('writes nothing when a chain has no head row yet, and recordAudit then makes one and appends', async () => {
  const fresh = newId();
  const { placed } = await db().transaction((tx) => appendLocked(tx, [unplaced(null, fresh, 'user.profile.updated', {})], null));
  expect(placed).toBeNull();
  expect((await queryRows(db(), sql`select 1 from audit_logs where chain_key = ${fresh}`)).length).toBe(0);
  const ctx = systemContext('locked-append');
  for (let i = 0; i < 3; i++) await recordAudit(db(), ctx, { action: 'user.profile.updated', actor: { userId: fresh, email: 'fresh@example.com' }, metadata: { i } });
  const rows = await queryRows<AuditRow>(db(), sql`select * from audit_logs where chain_key = ${fresh} order by seq`);
  expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3]);
  expect(await verifyChain(db(), fresh)).toEqual({ ok: true, checked: 3, first_broken: null });
});

it('queues concurrent transactions on one chain into a dense chain that verifies', async () => {
  const owner = await registerUser(t);
  const before = await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from audit_logs where organization_id = ${owner.orgId}`);
  await Promise.all(Array.from({ length: 24 }, (_, i) => db().transaction(async (tx) => {
    const rows = [1, 2].map((part) => unplaced(owner.orgId, null, 'user.role.updated', { i, part }));
    expect((await appendLocked(tx, rows, null)).placed).toHaveLength(2);
  })));
  const rows = await queryRows<AuditRow & { i: number; part: number }>(db(), sql`
    select *, (metadata->>'i')::int as i, (metadata->>'part')::int as part from audit_logs where organization_id = ${owner.orgId} order by seq`);
  expect(rows).toHaveLength(before[0]!.n + 48);
  expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
  // each transaction's two rows are adjacent: its statement held the head from the first to the last
  const mine = rows.slice(before[0]!.n);
  for (let k = 0; k < mine.length; k += 2) expect([mine[k]!.i, mine[k]!.part, mine[k + 1]!.part]).toEqual([mine[k + 1]!.i, 1, 2]);
  // and the chain's times follow its order
  const times = mine.map((r) => new Date(r.created_at).getTime());
  expect(times).toEqual([...times].sort((a, b) => a - b));
  expect(await verifyChain(db(), owner.orgId)).toEqual({ ok: true, checked: rows.length, first_broken: null });
});

it('moves every head when transactions contend for one of the several chains they append to', async () => {
  // each transaction: a chain of its own (made in it, like a new organization's) and a shared one
  // (like the nil chain every instance-level event joins); one UPDATE for all the heads skipped the
  // shared head whenever its lock had waited, leaving the head behind its rows: the next appends
  // then collided on the unique (chain, seq) index, every one of them from then on
  const shared = newId();
  await db().execute(sql`with ${newChainHeadsSql(sql`select ${shared}::uuid`)} select 1`);
  for (let round = 0; round < 3; round++) {
    await Promise.all(Array.from({ length: 8 }, () => db().transaction(async (tx) => {
      const own = newId();
      await tx.execute(sql`with ${newChainHeadsSql(sql`select ${own}::uuid`)} select 1`);
      const rows = [unplaced(own, null, 'org.created', {}), unplaced(own, null, 'member.added', {}), unplaced(null, shared, 'admin.created', { round })];
      expect((await appendLocked(tx, rows, null)).placed).toHaveLength(3);
    })));
  }
  const rows = await queryRows<AuditRow>(db(), sql`select * from audit_logs where chain_key = ${shared} order by seq`);
  expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  const [head] = await queryRows<{ seq: string; hash: string }>(db(), sql`select seq, hash from audit_chain_heads where chain_key = ${shared}`);
  expect({ seq: Number(head!.seq), hash: head!.hash }).toEqual({ seq: 24, hash: rows.at(-1)!.hash });
  expect(await verifyChain(db(), shared)).toEqual({ ok: true, checked: 24, first_broken: null });
});

it.runIf(testDbKind() === 'postgres')('waits for the transaction holding the head, then continues from where it left the chain', async () => {
  const owner = await registerUser(t);
  const ctx = systemContext('locked-append');
  // an open transaction appends and keeps the head locked until it commits
  const open = await holdOpen(db(), async (tx) => {
    await recordAudit(tx, ctx, { action: 'user.role.updated', organizationId: owner.orgId, metadata: { who: 'first' } }, { now: true });
  });
  const second = db().transaction((tx) => appendLocked(tx, [unplaced(owner.orgId, null, 'user.role.updated', { who: 'second' })], null));
  expect(await lockWaiters(db())).toBe(1);
  open.release();
  await open.done;
  expect((await second).placed).toHaveLength(1);
  const rows = await queryRows<AuditRow>(db(), sql`select * from audit_logs where organization_id = ${owner.orgId} order by seq desc limit 2`);
  expect(rows.map((r) => (r.metadata as { who: string }).who)).toEqual(['second', 'first']);
  expect(rows[0]!.prev_hash).toBe(rows[1]!.hash);
  expect(await verifyChain(db(), owner.orgId)).toMatchObject({ ok: true, first_broken: null });
});

it.runIf(testDbKind() === 'postgres')('locks every head or none: with one chain missing its head it waits on no head held elsewhere, and writes nothing (the fallback then claims them all in key order)', async () => {
  const owner = await registerUser(t);
  const fresh = newId();
  // another transaction holds the organization's head: an append that locked the heads there while
  // another is missing would wait on it here
  const open = await holdOpen(db(), async (tx) => void (await tx.execute(sql`select 1 from audit_chain_heads where chain_key = ${owner.orgId} for update`)));
  const { placed } = await db().transaction((tx) => appendLocked(tx, [unplaced(owner.orgId, null, 'user.role.updated', {}), unplaced(null, fresh, 'user.profile.updated', {})], null));
  expect(placed).toBeNull();
  open.release();
  await open.done;
});

it("logs in through a transaction when the account's chain has no head row yet, and the next login goes the one-statement way", async () => {
  const user = await registerUser(t);
  // an account from before sign-up made its head row (or made by SSO or SCIM): none to lock
  await db().execute(sql`delete from audit_chain_heads where chain_key = ${user.userId}`);
  const transactions = vi.spyOn(db(), 'transaction');
  try {
    expect((await login(t, user.email, user.password)).status).toBe(200);
    expect(transactions).toHaveBeenCalledTimes(1);
    // the first made the head row: the second is one statement
    expect((await login(t, user.email, user.password)).status).toBe(200);
    expect(transactions).toHaveBeenCalledTimes(1);
  } finally {
    transactions.mockRestore();
  }
  const rows = await queryRows<AuditRow>(db(), sql`select * from audit_logs where chain_key = ${user.userId} order by seq`);
  expect(rows.filter((r) => r.action === 'user.logged_in')).toHaveLength(2);
  expect((await queryRows(db(), sql`select 1 from audit_chain_heads where chain_key = ${user.userId}`)).length).toBe(1);
  expect(await verifyChain(db(), user.userId)).toEqual({ ok: true, checked: rows.length, first_broken: null });
});
