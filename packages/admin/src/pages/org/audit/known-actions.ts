// Suggestions for the action filter: the contract's action names and their `prefix.*` families.
import { AUDIT_ACTIONS as KNOWN_ACTIONS } from '@saasready/sdk/client';

/** Exact names first, then one `prefix.*` wildcard per family (`user.*`, `user.2fa.*`, …). */
export const ACTION_SUGGESTIONS: string[] = (() => {
  const prefixes = new Set<string>();
  for (const action of KNOWN_ACTIONS) {
    const parts = action.split('.');
    for (let i = 1; i < parts.length; i++) prefixes.add(`${parts.slice(0, i).join('.')}.*`);
  }
  return [...[...prefixes].sort(), ...KNOWN_ACTIONS];
})();

/** What the API accepts: an exact action or a prefix ending in `.*`. */
export const ACTION_PATTERN = /^[a-z0-9_.]+(\.\*)?$/;
