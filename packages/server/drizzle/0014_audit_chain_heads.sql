-- Issue 20: an audit append in two statements instead of five. Each chain's head (the last row's seq
-- and hash) is kept in a row of its own; appending bumps it with one upsert (whose row lock
-- serialises the chain's writers until the transaction ends, replacing the advisory lock and the
-- select of the last row), then inserts the row and stores its hash in one statement. A chain with
-- no head row starts from its last row (or its retention anchor) on its next append, so existing
-- chains need no copying here.
CREATE TABLE "audit_chain_heads" (
	"chain_key" uuid PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text
);
