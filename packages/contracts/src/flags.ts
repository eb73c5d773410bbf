/**
 * Feature-flag evaluation, shared by the server and the SDK so both always agree.
 *
 * Order: an organization override wins; otherwise a rollout percentage decides by a stable hash of
 * `(flag key, organization id)` — or `(flag key, user id)` for `rollout_unit: "user"` — into 0–99;
 * otherwise `default_enabled`. Raising a percentage only ever adds organizations (bucket < percent).
 *
 * @example
 * ```ts
 * evaluateFlag({ key: 'new-ui', default_enabled: false, rollout_percent: 25, rollout_unit: 'organization' }, null, { organizationId: orgId });
 * ```
 */

export type RolloutUnit = 'organization' | 'user';

export interface FlagRule {
  key: string;
  default_enabled: boolean;
  rollout_percent: number | null;
  rollout_unit: RolloutUnit;
}

export interface FlagOverride {
  enabled: boolean;
  rollout_percent: number | null;
}

export interface EvaluationContext {
  organizationId: string;
  userId?: string | null;
}

/** MurmurHash3 (x86, 32-bit) of a UTF-8 string: fast, pure, the same in Node and browsers. */
const encoder = new TextEncoder();

/** UTF-8 bytes of `text`; flag keys and ids are ASCII, which skips the encoder's allocation. */
function utf8(text: string): Uint8Array {
  const ascii = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) return encoder.encode(text);
    ascii[i] = code;
  }
  return ascii;
}

export function murmur3(text: string, seed = 0): number {
  const data = utf8(text);
  let h = seed >>> 0;
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  const blocks = data.length & ~3;
  for (let i = 0; i < blocks; i += 4) {
    let k = data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) >>> 0;
  }
  let k = 0;
  switch (data.length & 3) {
    case 3:
      k ^= data[blocks + 2]! << 16;
    // falls through
    case 2:
      k ^= data[blocks + 1]! << 8;
    // falls through
    case 1:
      k ^= data[blocks]!;
      k = Math.imul(k, c1);
      k = (k << 15) | (k >>> 17);
      k = Math.imul(k, c2);
      h ^= k;
  }
  h ^= data.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The stable 0–99 bucket of `id` for flag `key`. */
export const rolloutBucket = (key: string, id: string): number => murmur3(`${key}:${id}`) % 100;

function inRollout(rule: FlagRule, percent: number, ctx: EvaluationContext): boolean {
  const unitId = rule.rollout_unit === 'user' && ctx.userId ? ctx.userId : ctx.organizationId;
  return rolloutBucket(rule.key, unitId) < percent;
}

/** Whether the flag is on for this organization (and user). */
export function evaluateFlag(rule: FlagRule, override: FlagOverride | null | undefined, ctx: EvaluationContext): boolean {
  if (override) {
    if (!override.enabled) return false;
    return override.rollout_percent === null ? true : inRollout(rule, override.rollout_percent, ctx);
  }
  if (rule.rollout_percent !== null) return inRollout(rule, rule.rollout_percent, ctx);
  return rule.default_enabled;
}
