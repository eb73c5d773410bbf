// Every PostgreSQL advisory lock the server takes, in one table: two features under one id would
// wait on each other, or one's try-lock would fail while the other runs (a key rotation and audit
// retention once shared 727_002, so a rotation in progress made retention skip its run).

export const ADVISORY_LOCKS = {
  /** migrations, one process at a time (db/client.ts) */
  migrations: 727_001,
  /** audit retention, one process at a time (audit-logs/retention.ts, a try-lock) */
  auditRetention: 727_002,
  /** signing-key changes: the first key, rotation (signing-keys/service.ts) */
  signingKeys: 727_003,
  /** account deletions (shared) against the overview's kept monthly counts (exclusive), users/repository.ts */
  accountCounts: 7_305_112_901,
} as const;
