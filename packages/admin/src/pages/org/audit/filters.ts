// Audit filters live in the address (`?action=user.*&actor=…`), so a filtered view survives a reload
// and can be shared; `toQuery` turns them into the API's query, leaving out what is not valid yet.
import { useSearchParams } from 'react-router';
import type { ListAuditLogsQuery } from '@saasready/sdk/client';
import { AUDIT_ACTIONS, RENAMED_AUDIT_ACTIONS } from '@saasready/sdk/client';
import { ACTION_PATTERN } from './known-actions';

const KNOWN = new Set<string>([...AUDIT_ACTIONS, ...Object.keys(RENAMED_AUDIT_ACTIONS)]);

export interface AuditFilters {
  action: string;
  /** user id of the actor */
  actor: string;
  /** `datetime-local` values (local time, no zone) */
  from: string;
  to: string;
}

export type AuditQuery = Pick<ListAuditLogsQuery, 'action' | 'actor_user_id' | 'from' | 'to'>;

const KEYS = ['action', 'actor', 'from', 'to'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function useAuditFilters(): [AuditFilters, (next: Partial<AuditFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters: AuditFilters = { action: params.get('action') ?? '', actor: params.get('actor') ?? '', from: params.get('from') ?? '', to: params.get('to') ?? '' };
  const update = (next: Partial<AuditFilters>) =>
    setParams(
      (current) => {
        const out = new URLSearchParams(current);
        for (const key of KEYS) {
          const value = key in next ? next[key] : current.get(key);
          if (value) out.set(key, value);
          else out.delete(key);
        }
        return out;
      },
      { replace: true },
    );
  return [filters, update];
}

export const hasFilters = (f: AuditFilters) => KEYS.some((key) => f[key] !== '');

/** Why a filter value cannot be sent, per field (shown under the input). */
export function filterErrors(f: AuditFilters): Partial<Record<keyof AuditFilters, string>> {
  const errors: Partial<Record<keyof AuditFilters, string>> = {};
  if (f.action && !ACTION_PATTERN.test(normalizeAction(f.action))) errors.action = 'Use an exact action (user.role.updated) or a prefix (user.*)';
  if (f.actor && !UUID.test(f.actor)) errors.actor = 'Not a user id';
  const from = localToIso(f.from);
  const to = localToIso(f.to);
  if (f.from && !from) errors.from = 'Not a valid date';
  if (f.to && !to) errors.to = 'Not a valid date';
  if (from && to && from > to) errors.to = 'Must be after “From”';
  return errors;
}

/**
 * What a person types, as the API's action filter: `member.` and a bare family name (`member`,
 * `user.2fa`) mean every action under it, like `member.*`; an exact action stays exact.
 */
export function normalizeAction(raw: string): string {
  const action = raw.trim().toLowerCase();
  if (!action || action.endsWith('*')) return action;
  if (action.endsWith('.')) return `${action}*`;
  if (!KNOWN.has(action) && [...KNOWN].some((known) => known.startsWith(`${action}.`))) return `${action}.*`;
  return action;
}

export function toQuery(f: AuditFilters): AuditQuery {
  const errors = filterErrors(f);
  const query: AuditQuery = {};
  if (f.action && !errors.action) query.action = normalizeAction(f.action);
  if (f.actor && !errors.actor) query.actor_user_id = f.actor;
  const from = errors.from ? null : localToIso(f.from);
  const to = errors.from || errors.to ? null : localToIso(f.to);
  if (from) query.from = from;
  if (to) query.to = to;
  return query;
}

/** `2026-12-03T10:30` in the viewer's zone → ISO instant; null when empty or invalid. */
function localToIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
