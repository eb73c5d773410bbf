import { AppError } from '../../lib/errors.js';

export const connectionNotFound = () => new AppError('sso.connection_not_found');
export const invalidConnection = (detail: string) => new AppError('sso.invalid_connection', detail);
export const connectionDisabled = () => new AppError('sso.connection_disabled', 'This SSO connection is disabled.');
export const redirectUriNotAllowed = () =>
  new AppError('sso.redirect_uri_not_allowed', 'redirect_uri is not on the allow-list (SSO_REDIRECT_URIS); nothing was redirected.', { errors: [{ field: '/redirect_uri', message: 'not allowed' }] });
export const noConnection = () => new AppError('sso.no_connection', 'No enabled SSO connection matches.');
export const invalidState = () => new AppError('sso.invalid_state', 'This SSO login expired, was already used or was not started here; start again.');
export const invalidCode = () => new AppError('sso.invalid_code', 'The code is unknown, expired or already used.');
export const idpUnavailable = (detail = 'The identity provider could not be reached or answered with an error.') => new AppError('sso.idp_error', detail);
/** The IdP's answer was refused; the reason is audited (`sso.login.failed`), never the assertion. */
export const invalidResponse = (reason: string) => new AppError('sso.invalid_response', 'The identity provider’s response was refused.', { meta: { reason } });
export const emailMissing = () => new AppError('sso.email_missing', 'The identity provider sent no email address for this person.');
/**
 * The IdP spoke for an address outside the organization's verified domains. One answer whether or not
 * an account with that email exists (the IdP's admin learns nothing about other people's accounts).
 */
export const domainNotVerified = () =>
  new AppError('sso.domain_not_verified', 'This organization has not verified the domain of the email its identity provider sent: SSO signs in only people at its verified domains. Ask the organization to verify the domain.');
