// `client.invitations`: the invitee's side of an invitation, addressed by its emailed token.
import type { CallOptions, Transport } from '../transport.js';
import type { AcceptInvitationBody, AcceptInvitationResponse, InvitationPreview } from '../types.js';

/**
 * `client.invitations`: the invitee's side.
 *
 * @example
 * ```ts
 * const preview = await client.invitations.preview(token); // no login needed
 * console.log(`${preview.inviter_name} invites you to ${preview.organization_name} as ${preview.role_name}`);
 * await client.auth.login({ email: preview.email, password });
 * await client.invitations.accept({ token });
 * ```
 */
export class InvitationsApi {
  readonly #t: Transport;
  /** @internal */
  constructor(transport: Transport) {
    this.#t = transport;
  }

  /**
   * What an invitation is for, before accepting (public). Unknown tokens fail with
   * `invitation.not_found`, expired or used ones with `invitation.gone`.
   *
   * @example
   * ```ts
   * const { organization_name, role_name } = await client.invitations.preview(token);
   * ```
   */
  async preview(token: string, options?: CallOptions): Promise<InvitationPreview> {
    return this.#t.request((api, init) => api.GET('/api/v1/invitations/{token}', { params: { path: { token } }, ...init }), options, { auth: false });
  }

  /**
   * Accepts an invitation sent to the logged-in user's email. (New users can instead pass
   * `invitation_token` to `auth.register`.)
   *
   * @example
   * ```ts
   * const { organization, role_name } = await client.invitations.accept({ token });
   * ```
   */
  async accept(body: AcceptInvitationBody, options?: CallOptions): Promise<AcceptInvitationResponse> {
    return this.#t.request((api, init) => api.POST('/api/v1/invitations/accept', { body, ...init }), options);
  }
}
