import type { Invitation } from '@saasready/sdk/client';

export type InvitationStatus = Invitation['status'];
export const STATUSES: { value: InvitationStatus; label: string }[] = [
  { value: 'pending', label: 'Pending' },
  { value: 'accepted', label: 'Accepted' },
  { value: 'revoked', label: 'Revoked' },
  { value: 'expired', label: 'Expired' },
];

export const invitationsKey = (orgId: string) => ['org', orgId, 'invitations'] as const;
export const invitationListKey = (orgId: string, status: InvitationStatus) => [...invitationsKey(orgId), status] as const;
