// An audit event as a sentence a person reads at a glance: "Alice changed Bob's role from Member to
// Admin". Names come from the organization's member directory (already loaded for the actor filter);
// a person no longer in it falls back to the email the event recorded, then to a short id.
import type { ReactNode } from 'react';
import type { AuditLog, Member } from '@saasready/sdk/client';
import { shortId } from './use-member-directory';
import { PRODUCT_NAME } from '../../../brand';

export type Directory = Map<string, Member>;

const str = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A target id as people read it: a short tail for UUIDs, the whole key for anything else (flag keys). */
export const readableId = (id: string) => (UUID.test(id) ? shortId(id) : id);

const personName = (directory: Directory, userId: string | undefined | null, email?: string | null): string | undefined => {
  const member = userId ? directory.get(userId) : undefined;
  if (member) return member.user_full_name || member.user_email;
  return email ?? (userId ? `user ${shortId(userId)}` : undefined);
};

/** Who did it: a member's name, an API key, the system, or the email the event kept. */
export function actorName(log: AuditLog, directory: Directory): string {
  if (log.actor_type === 'api_key') return `API key ${log.actor_api_key_id ? shortId(log.actor_api_key_id) : ''}`.trim();
  if (log.actor_type === 'system') return PRODUCT_NAME;
  return personName(directory, log.actor_user_id, log.actor_email) ?? 'Someone';
}

const possessive = (name: string) => (name.endsWith('s') ? `${name}’` : `${name}’s`);
const B = ({ children }: { children: ReactNode }) => <strong>{children}</strong>;

/** The event as one sentence, with the names in bold. */
export function auditSentence(log: AuditLog, directory: Directory): ReactNode {
  const m = log.metadata;
  const actor = <B>{actorName(log, directory)}</B>;
  const self = log.actor_user_id !== null && log.actor_user_id === str(m.user_id);
  const subject = personName(directory, str(m.user_id), str(m.email)) ?? 'a member';
  const target = <B>{subject}</B>;
  const key = log.target_id ? readableId(log.target_id) : '';
  const named = (name: string | undefined) => (name ? <><B>{name}</B> ({key})</> : <B>{key}</B>);

  switch (log.action) {
    case 'user.role.updated':
    case 'member.role_changed':
      return <>{actor} changed {self ? 'their own' : <B>{possessive(subject)}</B>} role from <B>{str(m.from_role) ?? '?'}</B> to <B>{str(m.to_role) ?? '?'}</B></>;
    case 'member.added':
      return self ? <>{actor} joined as <B>{str(m.role) ?? 'a member'}</B></> : <>{actor} added {target} as <B>{str(m.role) ?? 'a member'}</B></>;
    case 'member.suspended':
      return <>{actor} suspended {target}</>;
    case 'member.reactivated':
      return <>{actor} reactivated {target}</>;
    case 'user.removed':
    case 'member.removed':
      return <>{actor} removed {target}{str(m.role) ? <> ({str(m.role)})</> : null}</>;
    case 'member.left':
      return <>{actor} left the organization</>;
    case 'user.invite.sent':
      return <>{actor} invited <B>{str(m.invited_email) ?? 'someone'}</B> as <B>{str(m.role) ?? 'a member'}</B></>;
    case 'user.invite.resent':
      return <>{actor} sent a new invitation link to <B>{str(m.invited_email) ?? 'someone'}</B></>;
    case 'user.invite.revoked':
      return <>{actor} withdrew the invitation for <B>{str(m.invited_email) ?? 'someone'}</B></>;
    case 'user.invite.accepted':
      return <>{actor} accepted an invitation and joined as <B>{str(m.role) ?? 'a member'}</B></>;
    case 'user.invite.refused':
      return <>The invitation for <B>{str(m.invited_email) ?? 'someone'}</B> could not be accepted: the inviter can no longer grant <B>{str(m.role) ?? 'the role'}</B></>;
    case 'user.registered':
      return <>{actor} created an account{m.via_invitation ? ' from an invitation' : ''}</>;
    case 'org.created':
      return <>{actor} created the organization <B>{str(m.name) ?? ''}</B></>;
    case 'org.updated': {
      const fields = Object.keys((m.changes as Record<string, unknown> | undefined) ?? {});
      return <>{actor} changed the organization’s {fields.length ? fields.join(', ') : 'details'}</>;
    }
    case 'org.settings.updated': {
      const settings = (m.changes as { settings?: { from?: Record<string, unknown>; to?: Record<string, unknown> } } | undefined)?.settings;
      if (settings?.to && 'require_2fa' in settings.to) {
        return <>{actor} {settings.to.require_2fa ? 'turned on' : 'turned off'} required two-factor authentication</>;
      }
      return <>{actor} changed the organization’s security settings</>;
    }
    case 'org.deleted':
      return <>{actor} deleted the organization <B>{str(m.name) ?? ''}</B></>;
    case 'org.switched':
      return <>{actor} switched to this organization</>;
    case 'api_key.created':
      return <>{actor} created API key {named(str(m.name))}</>;
    case 'api_key.revoked':
      return <>{actor} revoked API key {named(str(m.name))}</>;
    case 'api_key.deactivated':
      return <>API key {named(str(m.name))} stopped working: its creator was {m.reason === 'creator_suspended' ? 'suspended' : 'removed'}</>;
    case 'feature_flag.enabled':
    case 'feature_flag.disabled': {
      const after = m.after as { enabled?: boolean; rollout_percent?: number } | undefined;
      const rollout = num(after?.rollout_percent);
      return (
        <>
          {actor} turned {log.action === 'feature_flag.enabled' ? 'on' : 'off'} <B>{key}</B> for this organization
          {log.action === 'feature_flag.enabled' && rollout !== undefined && rollout < 100 ? ` for ${rollout}% of users` : ''}
        </>
      );
    }
    case 'feature_flag.reset':
      return <>{actor} removed this organization’s override of <B>{key}</B>: it follows the global rule again</>;
    case 'role.created':
      return <>{actor} created the role <B>{str(m.name) ?? key}</B></>;
    case 'role.updated': {
      const name = str((m.after as { name?: string } | undefined)?.name) ?? str((m.before as { name?: string } | undefined)?.name);
      return <>{actor} changed the role <B>{name ?? key}</B></>;
    }
    case 'role.deleted': {
      const moved = num(m.members_reassigned);
      return <>{actor} deleted the role <B>{str(m.name) ?? key}</B>{moved ? ` (${moved} ${moved === 1 ? 'member' : 'members'} moved to another role)` : ''}</>;
    }
    case 'admin.organization.viewed': {
      const view = { summary: 'the summary', members: 'the members', audit_logs: 'the audit log' }[str(m.view) ?? ''] ?? 'the data';
      return <>{actor} (instance superuser) viewed {view} of this organization</>;
    }
    case 'user.disabled':
      return <>{actor} disabled the account <B>{str(m.email) ?? key}</B></>;
    case 'user.enabled':
      return <>{actor} enabled the account <B>{str(m.email) ?? key}</B></>;
    case 'user.logged_in':
    case 'user.login':
      return <>{actor} logged in</>;
    case 'user.login.failed':
      return <>A login as <B>{str(m.email) ?? actorName(log, directory)}</B> failed (wrong password)</>;
    case 'audit.pruned':
      return <>Retention removed <B>{num(m.removed) ?? 'old'}</B> events older than {num(m.retention_days) ?? '?'} days</>;
    default:
      return <>{actor} — <code>{log.action}</code>{log.target_type ? <> on {log.target_type} <B>{key}</B></> : null}</>;
  }
}
