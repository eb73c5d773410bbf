import { Type, type Static } from 'typebox';
import { AnyPassword, Uuid } from './common.js';

/** A 6-digit TOTP code (spaces allowed, as authenticator apps show "123 456"). */
export const TotpCode = Type.String({ pattern: '^\\s*\\d{3}\\s?\\d{3}\\s*$', description: '6-digit code from the authenticator app' });
/** A backup code as shown at enrolment (`xxxx-xxxx`; case and dashes are ignored). */
export const BackupCode = Type.String({ minLength: 8, maxLength: 20, pattern: '^[A-Za-z0-9 -]+$' });

/**
 * `POST /auth/2fa/setup`: scan `qr_code` (or type `secret`) into an authenticator app, then confirm
 * with `POST /auth/2fa/verify`.
 */
export const MfaSetupResponse = Type.Object({
  secret: Type.String({ description: 'base32 TOTP secret' }),
  otpauth_url: Type.String(),
  qr_code: Type.String({ description: 'data:image/png;base64 QR code of otpauth_url' }),
});
export type MfaSetupResponse = Static<typeof MfaSetupResponse>;

export const MfaCodeBody = Type.Object({ code: TotpCode }, { additionalProperties: false });
/** `POST /auth/2fa/verify`: the first code from the authenticator and the account's password (a stolen access token alone cannot enrol). */
export const MfaEnableBody = Type.Object({ code: TotpCode, password: AnyPassword }, { additionalProperties: false });
export const MfaPasswordCodeBody = Type.Object({ password: AnyPassword, code: Type.Union([TotpCode, BackupCode]) }, { additionalProperties: false });

/** Ten single-use backup codes, shown this once. */
export const BackupCodesResponse = Type.Object({ backup_codes: Type.Array(Type.String(), { minItems: 10, maxItems: 10 }) });

/** `POST /auth/login` for an account with 2FA, without a code: no session yet. */
export const MfaRequiredResponse = Type.Object({
  mfa_required: Type.Literal(true),
  mfa_token: Type.String({ description: 'single use, valid 5 minutes' }),
  methods: Type.Array(Type.Union([Type.Literal('totp'), Type.Literal('backup_code')])),
});
export type MfaRequiredResponse = Static<typeof MfaRequiredResponse>;

/** `POST /auth/login/2fa`: exactly one of `code` and `backup_code`. */
export const LoginMfaBody = Type.Object(
  { mfa_token: Type.String({ minLength: 20, maxLength: 200 }), code: Type.Optional(TotpCode), backup_code: Type.Optional(BackupCode) },
  { additionalProperties: false },
);
export type LoginMfaBody = Static<typeof LoginMfaBody>;

export const MfaStatusSchema = Type.Object({ user_id: Uuid, two_factor_enabled: Type.Boolean() });
