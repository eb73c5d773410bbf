// Stored answers to requests that carried an Idempotency-Key; the plugin (plugins/idempotency.ts)
// enforces the rules (same key, same request; one in flight at a time). This is the module's surface.
// What other modules use of this one, inside their own transactions (they pass their Executor along).
export { claim, complete, find, release } from './repository.js';
