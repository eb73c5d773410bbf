// generated — do not edit; npm run generate -w @saasready/sdk
// Source: the SaaSReady server's OpenAPI document (GET /openapi.json), rendered by openapi-typescript.
export interface paths {
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics
         * @description Prometheus text exposition format. With METRICS_TOKEN set, send `Authorization: Bearer <METRICS_TOKEN>`; without it the endpoint is public. A root path, not under /api/v1: its address stays the same across API versions.
         */
        get: operations["operations.metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The process is up
         * @description Liveness probe. A root path, not under /api/v1: its address stays the same across API versions.
         */
        get: operations["operations.liveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The database (and the read replica, when configured) is reachable
         * @description Readiness probe. A root path, not under /api/v1: its address stays the same across API versions.
         */
        get: operations["operations.readiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Public keys that verify access tokens
         * @description The JSON Web Key Set (RFC 7517) of the access tokens' signing keys, retired ones included until their tokens expire; cacheable for 5 minutes. A root path, not under /api/v1: its address stays the same across API versions.
         */
        get: operations["operations.jwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account, its personal organization, and a session */
        post: operations["auth.register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/forgot-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email a password-reset link (always 202: never reveals whether the account exists) */
        post: operations["auth.forgotPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with the emailed token; ends every session */
        post: operations["auth.resetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/reset-password/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Whether a password-reset token still works, without using it */
        post: operations["auth.checkResetPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/verify-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the email address with the emailed token */
        post: operations["auth.verifyEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/resend-verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the verification email again */
        post: operations["auth.resendVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in with email and password (accounts with 2FA get an mfa_token, or pass two_factor_code) */
        post: operations["auth.login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login/2fa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Second login step: the mfa_token and a TOTP or backup code */
        post: operations["auth.loginTwoFactor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sso/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Redeem the single-use SSO code: the tokens of a new session (as /auth/login) and the SSO profile */
        post: operations["sso.token"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the refresh token and get a new access token
         * @description Send `{"refresh_token": …}`, or `{}` to use the `sr_refresh` cookie of cookie mode: then `X-CSRF-Token` must equal the `sr_csrf` cookie and any `Origin` must be PUBLIC_URL or a CORS origin (403 `auth.csrf_failed`), and the answer is in cookie mode. A 401 in cookie mode also expires both cookies.
         */
        post: operations["auth.refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller, their memberships and current organization */
        get: operations["auth.me.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change your profile (full name); answers like GET /auth/me */
        patch: operations["auth.me.update"];
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this session (and expire the cookies of cookie mode) */
        post: operations["auth.logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End every session of the caller, this one included (and expire the cookies of cookie mode) */
        post: operations["auth.logoutAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller’s live sessions */
        get: operations["sessions.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one of the caller’s sessions */
        delete: operations["sessions.revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the password; ends every other session */
        post: operations["auth.changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org_id}/invite": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Invite someone by email with a role */
        post: operations["orgs.invitations.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org_id}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invitations of the organization, newest first */
        get: operations["orgs.invitations.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org_id}/invitations/{invitation_id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a new link (the old one stops working) */
        post: operations["orgs.invitations.resend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org_id}/invitations/{invitation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a pending invitation */
        delete: operations["orgs.invitations.revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Preview an invitation before accepting (404 unknown, 410 expired or used) */
        get: operations["invitations.preview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation sent to your email */
        post: operations["invitations.accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/2fa/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start enrolment: a new TOTP secret and its QR code (nothing is enabled yet) */
        post: operations["twoFactor.setup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/2fa/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm enrolment with a code and the password; ends the other sessions; returns 10 backup codes, shown once */
        post: operations["twoFactor.verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/2fa/backup-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the backup codes (password and a current code) */
        post: operations["twoFactor.regenerateBackupCodes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/2fa/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn two-factor off (password and a current or backup code) */
        post: operations["twoFactor.disable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org_id}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API keys of the organization (metadata only) */
        get: operations["orgs.apiKeys.list"];
        put?: never;
        /** Create an API key; raw_key is shown this once (Idempotency-Key supported; a replay omits raw_key) */
        post: operations["orgs.apiKeys.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Introspect the calling API key (for relying apps that accept keys) */
        get: operations["apiKeys.me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org_id}/api-keys/{key_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key (effective immediately) */
        delete: operations["orgs.apiKeys.revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/orgs/{org_id}/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization’s audit log, newest first (offset or X-Next-Cursor pages; filters) */
        get: operations["orgs.auditLogs.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/orgs/{org_id}/logs/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stream the filtered log as CSV or JSON lines */
        get: operations["orgs.auditLogs.export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/orgs/{org_id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Walk the hash chain from the last verified checkpoint (full=true: all of it, superusers) and report the first broken link */
        get: operations["orgs.auditLogs.verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/feature-flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every global flag (superusers) */
        get: operations["admin.featureFlags.list"];
        put?: never;
        /** Create a global flag (superusers) */
        post: operations["admin.featureFlags.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/feature-flags/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a global flag and its overrides (superusers) */
        delete: operations["admin.featureFlags.delete"];
        options?: never;
        head?: never;
        /** Change a global flag (superusers) */
        patch: operations["admin.featureFlags.update"];
        trace?: never;
    };
    "/api/v1/orgs/{org_id}/feature-flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every flag as this organization sees it */
        get: operations["orgs.featureFlags.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org_id}/feature-flags/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Override a flag for this organization */
        put: operations["orgs.featureFlags.setOverride"];
        post?: never;
        /** Reset the flag to its global rule for this organization */
        delete: operations["orgs.featureFlags.resetOverride"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org_id}/feature-flags/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Evaluate flags for this organization (and the calling user); revalidate with If-None-Match */
        get: operations["orgs.featureFlags.evaluate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/feature-flags/snapshot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every flag rule for local evaluation (API keys with feature_flags.read: their organization’s overrides; superusers: all) */
        get: operations["featureFlags.snapshot"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dev/mailbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Development only: the latest outgoing emails, newest first */
        get: operations["dev.mailbox.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your organizations, with your role in each */
        get: operations["orgs.list"];
        put?: never;
        /** Create an organization; you become its Owner */
        post: operations["orgs.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One organization */
        get: operations["orgs.get"];
        put?: never;
        post?: never;
        /** Delete the organization (org.delete: the Owner role, or a custom role an Owner granted it; soft delete, access ends at once) */
        delete: operations["orgs.delete"];
        options?: never;
        head?: never;
        /** Update name, slug, description or metadata (settings too, with org.settings) */
        patch: operations["orgs.update"];
        trace?: never;
    };
    "/api/v1/orgs/{org_id}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the organization’s security settings, such as requiring 2FA */
        patch: operations["orgs.updateSettings"];
        trace?: never;
    };
    "/api/v1/orgs/{org_id}/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Which of these permissions do you hold in this organization? */
        post: operations["orgs.authorize"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/switch-org": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Get an access token scoped to another of your organizations */
        post: operations["auth.switchOrganization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org_id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members, keyset-paginated (next page in X-Next-Cursor / Link), with search and filters */
        get: operations["orgs.members.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org_id}/members/{membership_id}/role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a member’s role */
        patch: operations["orgs.members.changeRole"];
        trace?: never;
    };
    "/api/v1/orgs/{org_id}/members/{membership_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member */
        delete: operations["orgs.members.remove"];
        options?: never;
        head?: never;
        /** Suspend or reactivate a member */
        patch: operations["orgs.members.update"];
        trace?: never;
    };
    "/api/v1/orgs/{org_id}/leave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Leave the organization (the last Owner cannot) */
        post: operations["orgs.leave"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The permission catalog */
        get: operations["permissions.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org_id}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Roles of the organization with their permissions */
        get: operations["orgs.roles.list"];
        put?: never;
        /** Create a custom role */
        post: operations["orgs.roles.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org_id}/roles/{role_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a custom role (pass reassign_to while members hold it) */
        delete: operations["orgs.roles.delete"];
        options?: never;
        head?: never;
        /** Rename a custom role or change its permissions */
        patch: operations["orgs.roles.update"];
        trace?: never;
    };
    "/api/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every user (superusers only) */
        get: operations["admin.users.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every organization (superusers only) */
        get: operations["admin.organizations.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}/2fa/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remove a user's two-factor authentication and end their sessions (superusers only; audited)
         * @description The recovery path for a user who lost their authenticator and backup codes, or who finds a factor they never enrolled.
         */
        post: operations["admin.users.resetTwoFactor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One account: profile, two-factor status, memberships, live sessions, recent security events (superusers only; each call audited) */
        get: operations["admin.users.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Disable (ending every session) or enable an account (superusers only; audited)
         * @description A superuser cannot disable their own account (409 user.cannot_disable_self).
         */
        patch: operations["admin.users.update"];
        trace?: never;
    };
    "/api/v1/admin/users/{id}/sessions/{session_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one of a user's sessions (superusers only; audited) */
        delete: operations["admin.users.endSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/organizations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One organization with its settings, member count and roles, without being a member (superusers only; audited in its log) */
        get: operations["admin.organizations.get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/organizations/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An organization's members, as GET /orgs/{org_id}/members (superusers only; each call audited in its log) */
        get: operations["admin.organizations.members"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/organizations/{id}/audit-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An organization's audit log, as GET /audit/orgs/{org_id}/logs (superusers only; each call audited in that log) */
        get: operations["admin.organizations.auditLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sign-ups, logins, failed logins, active users and two-factor adoption over time (superusers only) */
        get: operations["admin.overview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org_id}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook endpoints of the organization */
        get: operations["orgs.webhooks.list"];
        put?: never;
        /** Create a webhook endpoint of the organization; the signing secret is shown this once */
        post: operations["orgs.webhooks.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org_id}/webhooks/{webhook_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One webhook endpoint */
        get: operations["orgs.webhooks.get"];
        put?: never;
        post?: never;
        /** Delete a webhook endpoint with its deliveries */
        delete: operations["orgs.webhooks.delete"];
        options?: never;
        head?: never;
        /** Change a webhook endpoint (enabling one the server disabled resumes its pending deliveries in order) */
        patch: operations["orgs.webhooks.update"];
        trace?: never;
    };
    "/api/v1/orgs/{org_id}/webhooks/{webhook_id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the signing secret (shown this once); the previous one keeps signing beside it for overlap_seconds (default 24 h) */
        post: operations["orgs.webhooks.rotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org_id}/webhooks/{webhook_id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a webhook.test event to this endpoint */
        post: operations["orgs.webhooks.test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org_id}/webhooks/{webhook_id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The endpoint’s delivery log, newest first: each delivery with its attempts */
        get: operations["orgs.webhooks.deliveries.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org_id}/webhooks/{webhook_id}/deliveries/{delivery_id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery’s event again (same webhook-id), behind the endpoint’s queue */
        post: operations["orgs.webhooks.deliveries.retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook endpoints of the instance (superusers only): they receive every organization’s events */
        get: operations["admin.webhooks.list"];
        put?: never;
        /** Create a webhook endpoint of the instance (superusers only): they receive every organization’s events; the signing secret is shown this once */
        post: operations["admin.webhooks.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/webhooks/{webhook_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One webhook endpoint */
        get: operations["admin.webhooks.get"];
        put?: never;
        post?: never;
        /** Delete a webhook endpoint with its deliveries */
        delete: operations["admin.webhooks.delete"];
        options?: never;
        head?: never;
        /** Change a webhook endpoint (enabling one the server disabled resumes its pending deliveries in order) */
        patch: operations["admin.webhooks.update"];
        trace?: never;
    };
    "/api/v1/admin/webhooks/{webhook_id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the signing secret (shown this once); the previous one keeps signing beside it for overlap_seconds (default 24 h) */
        post: operations["admin.webhooks.rotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/webhooks/{webhook_id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a webhook.test event to this endpoint */
        post: operations["admin.webhooks.test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/webhooks/{webhook_id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The endpoint’s delivery log, newest first: each delivery with its attempts */
        get: operations["admin.webhooks.deliveries.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/webhooks/{webhook_id}/deliveries/{delivery_id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery’s event again (same webhook-id), behind the endpoint’s queue */
        post: operations["admin.webhooks.deliveries.retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org_id}/domains": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization’s domains */
        get: operations["orgs.domains.list"];
        put?: never;
        /** Claim a domain: answers the TXT record to publish */
        post: operations["orgs.domains.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org_id}/domains/{domain_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One domain */
        get: operations["orgs.domains.get"];
        put?: never;
        post?: never;
        /** Remove a domain (its verification too) */
        delete: operations["orgs.domains.delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org_id}/domains/{domain_id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check the TXT record through DNS and mark the domain verified */
        post: operations["orgs.domains.verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org_id}/sso/connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization’s SSO connections */
        get: operations["orgs.sso.connections.list"];
        put?: never;
        /** Add a SAML or OIDC connection (secrets are stored encrypted and never returned) */
        post: operations["orgs.sso.connections.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org_id}/sso/connections/{connection_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One SSO connection */
        get: operations["orgs.sso.connections.get"];
        put?: never;
        post?: never;
        /** Delete a connection (its logins in flight end) */
        delete: operations["orgs.sso.connections.delete"];
        options?: never;
        head?: never;
        /** Change a connection (its type cannot change) */
        patch: operations["orgs.sso.connections.update"];
        trace?: never;
    };
    "/api/v1/auth/sso/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Whether an email signs in with SSO (its domain is verified by an organization with a connection) */
        post: operations["auth.sso.lookup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sso/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Start an SSO login: 302 to the IdP (connection_id, organization_id, domain or email picks the connection)
         * @description `redirect_uri` must be on the allow-list (`SSO_REDIRECT_URIS`); the login ends at `redirect_uri?code=…&state=…`.
         */
        get: operations["sso.authorize"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sso/oidc/{connection_id}/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** OIDC redirect URI: 302 to the client’s redirect_uri with a single-use code */
        get: operations["sso.oidc.callback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sso/saml/{connection_id}/acs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** SAML Assertion Consumer Service (HTTP-POST binding): 302 to the client’s redirect_uri with a single-use code */
        post: operations["sso.saml.acs"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sso/saml/{connection_id}/metadata": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SP metadata of a SAML connection (entity ID, ACS URL) */
        get: operations["sso.saml.metadata"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org_id}/directories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization’s SCIM directories, with user and group counts and the last sync */
        get: operations["orgs.directories.list"];
        put?: never;
        /** Create a SCIM directory: answers its base URL and bearer token (shown once) */
        post: operations["orgs.directories.create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org_id}/directories/{directory_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One SCIM directory */
        get: operations["orgs.directories.get"];
        put?: never;
        post?: never;
        /** Delete the directory and revoke its token; its members stay, no longer managed */
        delete: operations["orgs.directories.delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org_id}/directories/{directory_id}/rotate-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the directory’s token: the old one stops working at once; the new one is shown once */
        post: operations["orgs.directories.rotateToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org_id}/directories/{directory_id}/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The groups the IdP pushed, with member counts and mapped roles */
        get: operations["orgs.directories.groups.list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org_id}/directories/{directory_id}/groups/{group_id}/role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Map a group to a role (null: no role); its members’ roles follow at once */
        put: operations["orgs.directories.groups.setRole"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "user.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * user.created event
         * @description An account was registered (organization_id is set when it came through an invitation).
         */
        post: operations["webhooks.userCreated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "user.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * user.updated event
         * @description An account changed: profile, password, verified email, two-factor on or off.
         */
        post: operations["webhooks.userUpdated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "session.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * session.created event
         * @description Someone signed in (instance-wide: sessions belong to no organization).
         */
        post: operations["webhooks.sessionCreated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "session.revoked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * session.revoked event
         * @description A session ended: logout, logout everywhere, revoked by its owner, or refresh-token reuse.
         */
        post: operations["webhooks.sessionRevoked"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "organization.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * organization.created event
         * @description An organization was created.
         */
        post: operations["webhooks.organizationCreated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "organization.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * organization.updated event
         * @description An organization’s details or security settings changed.
         */
        post: operations["webhooks.organizationUpdated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "organization.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * organization.deleted event
         * @description An organization was deleted (the last event its own endpoints receive).
         */
        post: operations["webhooks.organizationDeleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "membership.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * membership.created event
         * @description Someone became a member (organization created, invitation accepted, first SSO login, SCIM provisioning).
         */
        post: operations["webhooks.membershipCreated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "membership.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * membership.updated event
         * @description A member’s role changed, or the member was suspended or reactivated.
         */
        post: operations["webhooks.membershipUpdated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "membership.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * membership.deleted event
         * @description A member was removed, left, or was deprovisioned by the SCIM directory.
         */
        post: operations["webhooks.membershipDeleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "invitation.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * invitation.created event
         * @description An invitation was sent.
         */
        post: operations["webhooks.invitationCreated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "invitation.accepted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * invitation.accepted event
         * @description An invitation was accepted.
         */
        post: operations["webhooks.invitationAccepted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "invitation.revoked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * invitation.revoked event
         * @description An invitation was revoked.
         */
        post: operations["webhooks.invitationRevoked"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "role.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * role.created event
         * @description A custom role was created.
         */
        post: operations["webhooks.roleCreated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "role.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * role.updated event
         * @description A custom role was changed.
         */
        post: operations["webhooks.roleUpdated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "role.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * role.deleted event
         * @description A custom role was deleted.
         */
        post: operations["webhooks.roleDeleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "api_key.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * api_key.created event
         * @description An API key was created (never the key itself).
         */
        post: operations["webhooks.apiKeyCreated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "api_key.revoked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * api_key.revoked event
         * @description An API key was revoked, or lost its access with its creator.
         */
        post: operations["webhooks.apiKeyRevoked"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "flag_override.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * flag_override.updated event
         * @description A feature flag was overridden (enabled or disabled) for the organization.
         */
        post: operations["webhooks.flagOverrideUpdated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "flag_override.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * flag_override.deleted event
         * @description An organization’s override of a feature flag was removed.
         */
        post: operations["webhooks.flagOverrideDeleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "domain.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * domain.created event
         * @description A domain was added to the organization, pending its DNS verification.
         */
        post: operations["webhooks.domainCreated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "domain.verified": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * domain.verified event
         * @description The organization proved it holds a domain (its TXT record was found).
         */
        post: operations["webhooks.domainVerified"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "domain.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * domain.deleted event
         * @description A domain was removed from the organization.
         */
        post: operations["webhooks.domainDeleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "sso_connection.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * sso_connection.created event
         * @description A SAML or OIDC connection was added (never its client secret).
         */
        post: operations["webhooks.ssoConnectionCreated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "sso_connection.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * sso_connection.updated event
         * @description A SAML or OIDC connection changed (the names of the fields, never a secret).
         */
        post: operations["webhooks.ssoConnectionUpdated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "sso_connection.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * sso_connection.deleted event
         * @description A SAML or OIDC connection was removed.
         */
        post: operations["webhooks.ssoConnectionDeleted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhook.test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * webhook.test event
         * @description Sent on request by POST …/webhooks/{id}/test, to this endpoint only.
         */
        post: operations["webhooks.webhookTest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "audit.event": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * audit.event event
         * @description Every audit row of the endpoint’s scope, with its hash-chain position (seq, prev_hash, hash). Only sent to endpoints that name it (`*` does not include it).
         */
        post: operations["webhooks.auditEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /** @description RFC 9457 problem details */
        Problem: {
            type: string;
            title: string;
            status: number;
            detail?: string;
            instance?: string;
            code: string;
            request_id?: string;
            errors?: {
                /** @description JSON pointer-ish path of the offending field, e.g. `/email` */
                field: string;
                message: string;
                code?: string;
            }[];
            meta?: {
                [key: string]: unknown;
            };
        };
        Session: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            last_used_at: string;
            /** Format: date-time */
            expires_at: string;
            ip: string | null;
            user_agent: string | null;
            current: boolean;
        };
        Invitation: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            organization_id: string;
            email: string;
            full_name: string | null;
            /** Format: uuid */
            role_id: string;
            role_name: string;
            status: "pending" | "accepted" | "revoked" | "expired";
            invited_by: string | null;
            /** Format: date-time */
            expires_at: string;
            /** Format: date-time */
            created_at: string;
        };
        ApiKey: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            organization_id: string;
            name: string;
            prefix: string;
            permissions: string[];
            created_by: string | null;
            /** Format: date-time */
            created_at: string;
            last_used_at: string | null;
            expires_at: string | null;
            revoked_at: string | null;
            active: boolean;
            inactive_reason: "revoked" | "expired" | "creator_removed" | "creator_suspended" | "creator_deactivated" | null;
            effective_permissions: string[];
        };
        AuditLog: {
            /** Format: uuid */
            id: string;
            organization_id: string | null;
            /** @description position in the organization’s hash chain */
            seq: number;
            actor_type: "user" | "api_key" | "system" | "directory";
            actor_user_id: string | null;
            actor_api_key_id: string | null;
            actor_email: string | null;
            action: string;
            target_type: string | null;
            target_id: string | null;
            metadata: {
                [key: string]: unknown;
            };
            audit_metadata: {
                [key: string]: unknown;
            };
            ip_address: string | null;
            user_agent: string | null;
            request_id: string | null;
            /** Format: date-time */
            created_at: string;
            prev_hash: string | null;
            hash: string | null;
        };
        FeatureFlag: {
            key: string;
            name: string;
            description: string | null;
            default_enabled: boolean;
            rollout_percent: number | null;
            rollout_unit: "organization" | "user";
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        OrgFeatureFlag: {
            key: string;
            name: string;
            description: string | null;
            default_enabled: boolean;
            /** @description the effective value for this organization */
            enabled: boolean;
            overridden: boolean;
            rollout_percent: number | null;
        };
        Member: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            user_id: string;
            /** Format: uuid */
            organization_id: string;
            /** Format: uuid */
            role_id: string;
            role_name: string;
            status: string;
            /** Format: date-time */
            created_at: string;
            user_email: string;
            user_full_name: string;
            /** @description the member has turned on two-factor authentication */
            two_factor_enabled: boolean;
            /** @description when the member last used a session (to the minute); null when never since this was recorded */
            last_active_at: string | null;
            /** @description a SCIM directory manages this member: its role and presence follow the IdP (change them there) */
            managed_by_directory: boolean;
        };
        Permission: {
            key: string;
            description: string;
        };
        Role: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            organization_id: string;
            name: string;
            description: string | null;
            is_system: boolean;
            permissions: string[];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        Organization: {
            /** Format: uuid */
            id: string;
            name: string;
            slug: string;
            description: string | null;
            metadata: {
                [key: string]: unknown;
            };
            settings: {
                [key: string]: unknown;
            };
            is_active: boolean;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        WebhookEndpoint: {
            /** Format: uuid */
            id: string;
            organization_id: string | null;
            url: string;
            description: string | null;
            event_types: string[];
            enabled: boolean;
            disabled_reason: "gone" | "failing" | null;
            failing_since: string | null;
            secret_rotating_until: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        WebhookDelivery: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            endpoint_id: string;
            /** Format: uuid */
            event_id: string;
            event_type: string;
            status: "pending" | "delivering" | "succeeded" | "failed";
            attempts: number;
            next_attempt_at: string | null;
            /** Format: date-time */
            created_at: string;
            delivered_at: string | null;
            attempt_log: {
                attempt: number;
                /** Format: date-time */
                attempted_at: string;
                status_code: number | null;
                latency_ms: number;
                response_excerpt: string | null;
                error: string | null;
                next_retry_at: string | null;
            }[];
        };
        Directory: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            organization_id: string;
            name: string;
            /** @description the SCIM 2.0 base URL the IdP is given (Tenant URL in Entra ID, SCIM connector base URL in Okta) */
            scim_base_url: string;
            /** @description the first characters of the current token, to tell tokens apart */
            token_prefix: string;
            default_role_id: string | null;
            user_count: number;
            group_count: number;
            last_sync_at: string | null;
            /** Format: date-time */
            created_at: string;
        };
        DirectoryGroup: {
            /** Format: uuid */
            id: string;
            display_name: string;
            external_id: string | null;
            member_count: number;
            role_id: string | null;
            role_name: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "operations.metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The metrics, in Prometheus text format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description METRICS_TOKEN is set and the request does not carry it */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "operations.liveness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is up: `{"status":"ok"}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: string;
                    };
                };
            };
        };
    };
    "operations.readiness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready to serve: `{"status":"ok"}` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        status: string;
                    };
                };
            };
            /** @description Not ready: the database or the read replica is unreachable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "operations.jwks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The JSON Web Key Set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keys: {
                            [key: string]: unknown;
                        }[];
                    };
                };
            };
        };
    };
    "auth.register": {
        parameters: {
            query?: never;
            header?: {
                /** @description `cookie`: deliver the refresh token as the HttpOnly cookie `sr_refresh` (and a CSRF token as the cookie `sr_csrf`) instead of in the body. Default `body`. */
                "x-refresh-token-mode"?: "cookie" | "body";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description email address */
                    email: string;
                    password: string;
                    /** @description one line of text: no line breaks, control characters or bidi overrides */
                    full_name: string;
                    /** @description accept this invitation while registering (the email must match) */
                    invitation_token?: string;
                };
            };
        };
        responses: {
            /** @description Account created: the tokens of its first session (with an invitation, also the organization joined and the role), or `email_verification_required` when the email must be confirmed first */
            201: {
                headers: {
                    /** @description Cookie mode only: `sr_refresh=…; Max-Age=…; Path=/api/v1/auth/refresh; HttpOnly; Secure; SameSite=Strict` and `sr_csrf=…; Max-Age=…; Path=/; Secure; SameSite=Strict` (Max-Age=0 when the session ends). */
                    "set-cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        access_token: string;
                        /** @enum {string} */
                        token_type: "bearer";
                        /** @description Seconds until the access token expires */
                        expires_in: number;
                        /** @description Absent in cookie mode (request header `X-Refresh-Token-Mode: cookie`): the token is then only in the HttpOnly `sr_refresh` cookie, out of reach of page scripts, so an XSS cannot steal the long-lived credential. Present otherwise. */
                        refresh_token?: string;
                        /** User */
                        user: {
                            /** Format: uuid */
                            id: string;
                            email: string;
                            full_name: string;
                            is_active: boolean;
                            is_superuser: boolean;
                            email_verified: boolean;
                            /** Format: date-time */
                            created_at: string;
                        };
                        /** @description the organization the invitation joined; absent when registering without an invitation */
                        organization?: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            slug: string;
                        };
                        /** @description name of the invited role, e.g. "Member"; absent when registering without an invitation */
                        role?: string;
                    } | {
                        /** User */
                        user: {
                            /** Format: uuid */
                            id: string;
                            email: string;
                            full_name: string;
                            is_active: boolean;
                            is_superuser: boolean;
                            email_verified: boolean;
                            /** Format: date-time */
                            created_at: string;
                        };
                        /** @enum {boolean} */
                        email_verification_required: true;
                        /** @description the organization the invitation joined; absent when registering without an invitation */
                        organization?: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            slug: string;
                        };
                        /** @description name of the invited role, e.g. "Member"; absent when registering without an invitation */
                        role?: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.forgotPassword": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description email address */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Accepted: a reset link is emailed if the account exists */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "accepted";
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.resetPassword": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                    new_password: string;
                };
            };
        };
        responses: {
            /** @description Password changed; every session ended */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.checkResetPassword": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description The link works */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.verifyEmail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description Email address confirmed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.resendVerification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted: the verification email is queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "accepted";
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.login": {
        parameters: {
            query?: never;
            header?: {
                /** @description `cookie`: deliver the refresh token as the HttpOnly cookie `sr_refresh` (and a CSRF token as the cookie `sr_csrf`) instead of in the body. Default `body`. */
                "x-refresh-token-mode"?: "cookie" | "body";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description email address */
                    email: string;
                    password: string;
                    /** @description for accounts with 2FA: log in in one call */
                    two_factor_code?: string;
                };
            };
        };
        responses: {
            /** @description Logged in (tokens), or an `mfa_token` for the second step when the account has 2FA */
            200: {
                headers: {
                    /** @description Cookie mode only: `sr_refresh=…; Max-Age=…; Path=/api/v1/auth/refresh; HttpOnly; Secure; SameSite=Strict` and `sr_csrf=…; Max-Age=…; Path=/; Secure; SameSite=Strict` (Max-Age=0 when the session ends). */
                    "set-cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        access_token: string;
                        /** @enum {string} */
                        token_type: "bearer";
                        /** @description Seconds until the access token expires */
                        expires_in: number;
                        /** @description Absent in cookie mode (request header `X-Refresh-Token-Mode: cookie`): the token is then only in the HttpOnly `sr_refresh` cookie, out of reach of page scripts, so an XSS cannot steal the long-lived credential. Present otherwise. */
                        refresh_token?: string;
                        /** User */
                        user: {
                            /** Format: uuid */
                            id: string;
                            email: string;
                            full_name: string;
                            is_active: boolean;
                            is_superuser: boolean;
                            email_verified: boolean;
                            /** Format: date-time */
                            created_at: string;
                        };
                    } | {
                        /** @enum {boolean} */
                        mfa_required: true;
                        /** @description single use, valid 5 minutes */
                        mfa_token: string;
                        methods: ("totp" | "backup_code")[];
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.loginTwoFactor": {
        parameters: {
            query?: never;
            header?: {
                /** @description `cookie`: deliver the refresh token as the HttpOnly cookie `sr_refresh` (and a CSRF token as the cookie `sr_csrf`) instead of in the body. Default `body`. */
                "x-refresh-token-mode"?: "cookie" | "body";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    mfa_token: string;
                    /** @description 6-digit code from the authenticator app */
                    code?: string;
                    backup_code?: string;
                };
            };
        };
        responses: {
            /** @description Logged in: the tokens of the new session */
            200: {
                headers: {
                    /** @description Cookie mode only: `sr_refresh=…; Max-Age=…; Path=/api/v1/auth/refresh; HttpOnly; Secure; SameSite=Strict` and `sr_csrf=…; Max-Age=…; Path=/; Secure; SameSite=Strict` (Max-Age=0 when the session ends). */
                    "set-cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        access_token: string;
                        /** @enum {string} */
                        token_type: "bearer";
                        /** @description Seconds until the access token expires */
                        expires_in: number;
                        /** @description Absent in cookie mode (request header `X-Refresh-Token-Mode: cookie`): the token is then only in the HttpOnly `sr_refresh` cookie, out of reach of page scripts, so an XSS cannot steal the long-lived credential. Present otherwise. */
                        refresh_token?: string;
                        /** User */
                        user: {
                            /** Format: uuid */
                            id: string;
                            email: string;
                            full_name: string;
                            is_active: boolean;
                            is_superuser: boolean;
                            email_verified: boolean;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "sso.token": {
        parameters: {
            query?: never;
            header?: {
                /** @description `cookie`: deliver the refresh token as the HttpOnly cookie `sr_refresh` (and a CSRF token as the cookie `sr_csrf`) instead of in the body. Default `body`. */
                "x-refresh-token-mode"?: "cookie" | "body";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description Tokens and the SSO profile (cookie mode: the refresh token in the cookies) */
            200: {
                headers: {
                    /** @description Cookie mode only: `sr_refresh=…; Max-Age=…; Path=/api/v1/auth/refresh; HttpOnly; Secure; SameSite=Strict` and `sr_csrf=…; Max-Age=…; Path=/; Secure; SameSite=Strict` (Max-Age=0 when the session ends). */
                    "set-cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        access_token: string;
                        /** @enum {string} */
                        token_type: "bearer";
                        /** @description Seconds until the access token expires */
                        expires_in: number;
                        /** @description Absent in cookie mode (request header `X-Refresh-Token-Mode: cookie`): the token is then only in the HttpOnly `sr_refresh` cookie, out of reach of page scripts, so an XSS cannot steal the long-lived credential. Present otherwise. */
                        refresh_token?: string;
                        /** User */
                        user: {
                            /** Format: uuid */
                            id: string;
                            email: string;
                            full_name: string;
                            is_active: boolean;
                            is_superuser: boolean;
                            email_verified: boolean;
                            /** Format: date-time */
                            created_at: string;
                        };
                        sso_profile: {
                            /** Format: uuid */
                            connection_id: string;
                            connection_type: "oidc" | "saml";
                            /** Format: uuid */
                            organization_id: string;
                            idp_id: string;
                            email: string;
                            first_name: string | null;
                            last_name: string | null;
                            raw_attributes: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.refresh": {
        parameters: {
            query?: never;
            header?: {
                /** @description `cookie`: deliver the refresh token as the HttpOnly cookie `sr_refresh` (and a CSRF token as the cookie `sr_csrf`) instead of in the body. Default `body`. */
                "x-refresh-token-mode"?: "cookie" | "body";
                /** @description Required when the refresh token comes from the `sr_refresh` cookie: the value of the `sr_csrf` cookie. */
                "x-csrf-token"?: string;
            };
            path?: never;
            cookie?: {
                /** @description HttpOnly refresh-token cookie set in cookie mode; used when the body has no `refresh_token` */
                sr_refresh?: string;
                /** @description CSRF token cookie set in cookie mode; must equal the `X-CSRF-Token` header */
                sr_csrf?: string;
            };
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description omit to use the `sr_refresh` cookie (cookie mode: then `X-CSRF-Token` is required) */
                    refresh_token?: string;
                };
            };
        };
        responses: {
            /** @description A new access token and a rotated refresh token */
            200: {
                headers: {
                    /** @description Cookie mode only: `sr_refresh=…; Max-Age=…; Path=/api/v1/auth/refresh; HttpOnly; Secure; SameSite=Strict` and `sr_csrf=…; Max-Age=…; Path=/; Secure; SameSite=Strict` (Max-Age=0 when the session ends). */
                    "set-cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        access_token: string;
                        /** @enum {string} */
                        token_type: "bearer";
                        /** @description Seconds until the access token expires */
                        expires_in: number;
                        /** @description Absent in cookie mode (request header `X-Refresh-Token-Mode: cookie`): the token is then only in the HttpOnly `sr_refresh` cookie, out of reach of page scripts, so an XSS cannot steal the long-lived credential. Present otherwise. */
                        refresh_token?: string;
                        /** User */
                        user: {
                            /** Format: uuid */
                            id: string;
                            email: string;
                            full_name: string;
                            is_active: boolean;
                            is_superuser: boolean;
                            email_verified: boolean;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: the refresh token is missing, invalid, expired or reused (cookie mode: both cookies expire) */
            401: {
                headers: {
                    /** @description Cookie mode only: `sr_refresh=…; Max-Age=…; Path=/api/v1/auth/refresh; HttpOnly; Secure; SameSite=Strict` and `sr_csrf=…; Max-Age=…; Path=/; Secure; SameSite=Strict` (Max-Age=0 when the session ends). */
                    "set-cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.me.get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        email: string;
                        full_name: string;
                        is_active: boolean;
                        is_superuser: boolean;
                        email_verified: boolean;
                        /** Format: date-time */
                        created_at: string;
                        memberships: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            organization_id: string;
                            organization_name: string;
                            organization_slug: string;
                            /** Format: uuid */
                            role_id: string;
                            role_name: string;
                            status: string;
                            permissions: string[];
                            require_2fa: boolean;
                        }[];
                        current_organization: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            slug: string;
                        } | null;
                        /** @description id of the organization the token is scoped to (the same as current_organization.id), or null */
                        current_org_id: string | null;
                        /** @description effective permissions of your active membership in the current organization (as in the access token); [] when the token has no organization, or when that organization requires 2FA and you have not enabled it */
                        permissions: string[];
                        two_factor_enabled: boolean;
                        two_factor_setup_required: boolean;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.me.update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description one line of text: no line breaks, control characters or bidi overrides */
                    full_name: string;
                };
            };
        };
        responses: {
            /** @description The caller, updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        email: string;
                        full_name: string;
                        is_active: boolean;
                        is_superuser: boolean;
                        email_verified: boolean;
                        /** Format: date-time */
                        created_at: string;
                        memberships: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            organization_id: string;
                            organization_name: string;
                            organization_slug: string;
                            /** Format: uuid */
                            role_id: string;
                            role_name: string;
                            status: string;
                            permissions: string[];
                            require_2fa: boolean;
                        }[];
                        current_organization: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            slug: string;
                        } | null;
                        /** @description id of the organization the token is scoped to (the same as current_organization.id), or null */
                        current_org_id: string | null;
                        /** @description effective permissions of your active membership in the current organization (as in the access token); [] when the token has no organization, or when that organization requires 2FA and you have not enabled it */
                        permissions: string[];
                        two_factor_enabled: boolean;
                        two_factor_setup_required: boolean;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Session ended */
            204: {
                headers: {
                    /** @description Cookie mode only: `sr_refresh=…; Max-Age=…; Path=/api/v1/auth/refresh; HttpOnly; Secure; SameSite=Strict` and `sr_csrf=…; Max-Age=…; Path=/; Secure; SameSite=Strict` (Max-Age=0 when the session ends). */
                    "set-cookie"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.logoutAll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every session ended, with their number */
            200: {
                headers: {
                    /** @description Cookie mode only: `sr_refresh=…; Max-Age=…; Path=/api/v1/auth/refresh; HttpOnly; Secure; SameSite=Strict` and `sr_csrf=…; Max-Age=…; Path=/; Secure; SameSite=Strict` (Max-Age=0 when the session ends). */
                    "set-cookie"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sessions_ended: number;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "sessions.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller’s live sessions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"][];
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "sessions.revoke": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Session ended */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.changePassword": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    current_password: string;
                    new_password: string;
                };
            };
        };
        responses: {
            /** @description Password changed; the other sessions ended */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.invitations.create": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description email address */
                    email: string;
                    /** Format: uuid */
                    role_id: string;
                    /** @description one line of text: no line breaks, control characters or bidi overrides */
                    full_name?: string;
                };
            };
        };
        responses: {
            /** @description Invitation created and emailed; accept_url is the emailed link (a bearer credential: see the schema) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        organization_id: string;
                        email: string;
                        full_name: string | null;
                        /** Format: uuid */
                        role_id: string;
                        role_name: string;
                        status: "pending" | "accepted" | "revoked" | "expired";
                        invited_by: string | null;
                        /** Format: date-time */
                        expires_at: string;
                        /** Format: date-time */
                        created_at: string;
                        /**
                         * Format: uri
                         * @description The emailed accept link (PUBLIC_URL/accept-invite?token=…), shown once: a bearer credential that joins the organization with the invited role until used, revoked, resent or expired — send it only to the invitee, never log it. Absent from idempotent replays and from the list; no separate token field is returned. See docs/security.md "Invitation links".
                         */
                        accept_url?: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.invitations.list": {
        parameters: {
            query?: {
                status?: "pending" | "accepted" | "revoked" | "expired";
            };
            header?: never;
            path: {
                org_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of invitations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invitation"][];
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.invitations.resend": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
                invitation_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The invitation with its new expiry; a new link is emailed and returned as accept_url (the old one stops working) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        organization_id: string;
                        email: string;
                        full_name: string | null;
                        /** Format: uuid */
                        role_id: string;
                        role_name: string;
                        status: "pending" | "accepted" | "revoked" | "expired";
                        invited_by: string | null;
                        /** Format: date-time */
                        expires_at: string;
                        /** Format: date-time */
                        created_at: string;
                        /**
                         * Format: uri
                         * @description The emailed accept link (PUBLIC_URL/accept-invite?token=…), shown once: a bearer credential that joins the organization with the invited role until used, revoked, resent or expired — send it only to the invitee, never log it. Absent from idempotent replays and from the list; no separate token field is returned. See docs/security.md "Invitation links".
                         */
                        accept_url?: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.invitations.revoke": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
                invitation_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Invitation revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "invitations.preview": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What the invitation offers: organization, role, inviter */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organization_name: string;
                        inviter_name: string | null;
                        role_name: string;
                        email: string;
                        /** Format: date-time */
                        expires_at: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: the invitation expired, was revoked or was already used */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "invitations.accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description Invitation accepted: the new membership */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organization: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            slug: string;
                        };
                        /** Format: uuid */
                        membership_id: string;
                        role_name: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Gone: the invitation expired, was revoked or was already used */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "twoFactor.setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A new TOTP secret, its otpauth URI and QR code */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description base32 TOTP secret */
                        secret: string;
                        otpauth_url: string;
                        /** @description data:image/png;base64 QR code of otpauth_url */
                        qr_code: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "twoFactor.verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 6-digit code from the authenticator app */
                    code: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Two-factor enabled: 10 backup codes, shown once */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        backup_codes: string[];
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "twoFactor.regenerateBackupCodes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                    code: string;
                };
            };
        };
        responses: {
            /** @description 10 new backup codes, shown once; the old ones stop working */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        backup_codes: string[];
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "twoFactor.disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                    code: string;
                };
            };
        };
        responses: {
            /** @description Two-factor turned off */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.apiKeys.list": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The organization’s API keys (metadata only) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"][];
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.apiKeys.create": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description one line of text: no line breaks, control characters or bidi overrides */
                    name: string;
                    permissions: string[];
                    expires_at?: string | null;
                };
            };
        };
        responses: {
            /** @description API key created: the raw key is shown only in this answer */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        organization_id: string;
                        name: string;
                        prefix: string;
                        permissions: string[];
                        created_by: string | null;
                        /** Format: date-time */
                        created_at: string;
                        last_used_at: string | null;
                        expires_at: string | null;
                        revoked_at: string | null;
                        active: boolean;
                        inactive_reason: "revoked" | "expired" | "creator_removed" | "creator_suspended" | "creator_deactivated" | null;
                        effective_permissions: string[];
                        raw_key?: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "apiKeys.me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The calling API key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        organization_id: string;
                        name: string;
                        permissions: string[];
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.apiKeys.revoke": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
                key_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description API key revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.auditLogs.list": {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                cursor?: string;
                /** @description exact action, or a prefix such as `user.*` */
                action?: string;
                actor_user_id?: string;
                target_type?: string;
                target_id?: string;
                from?: string;
                to?: string;
            };
            header?: never;
            path: {
                org_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of audit events, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditLog"][];
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.auditLogs.export": {
        parameters: {
            query?: {
                format?: "csv" | "jsonl";
                /** @description exact action, or a prefix such as `user.*` */
                action?: string;
                actor_user_id?: string;
                target_type?: string;
                target_id?: string;
                from?: string;
                to?: string;
            };
            header?: never;
            path: {
                org_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV or JSON lines, streamed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                    "application/x-ndjson": string;
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.auditLogs.verify": {
        parameters: {
            query?: {
                /** @description walk the whole chain, not just the rows after the last verified checkpoint (instance superusers) */
                full?: boolean;
            };
            header?: never;
            path: {
                org_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Whether the organization’s audit chain is intact, and where it breaks if not */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ok: boolean;
                        checked: number;
                        first_broken: {
                            /** Format: uuid */
                            id: string;
                            seq: number;
                            reason: string;
                        } | null;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "admin.featureFlags.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every global flag */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeatureFlag"][];
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "admin.featureFlags.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key: string;
                    /** @description one line of text: no line breaks, control characters or bidi overrides */
                    name: string;
                    description?: string | null;
                    /** @default false */
                    default_enabled?: boolean;
                    rollout_percent?: number | null;
                    rollout_unit?: "organization" | "user";
                };
            };
        };
        responses: {
            /** @description Flag created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: string;
                        name: string;
                        description: string | null;
                        default_enabled: boolean;
                        rollout_percent: number | null;
                        rollout_unit: "organization" | "user";
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "admin.featureFlags.delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Flag and its overrides deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "admin.featureFlags.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description one line of text: no line breaks, control characters or bidi overrides */
                    name?: string;
                    description?: string | null;
                    default_enabled?: boolean;
                    rollout_percent?: number | null;
                    rollout_unit?: "organization" | "user";
                };
            };
        };
        responses: {
            /** @description The flag, updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: string;
                        name: string;
                        description: string | null;
                        default_enabled: boolean;
                        rollout_percent: number | null;
                        rollout_unit: "organization" | "user";
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.featureFlags.list": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every flag as this organization sees it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgFeatureFlag"][];
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.featureFlags.setOverride": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    enabled: boolean;
                    rollout_percent?: number | null;
                };
            };
        };
        responses: {
            /** @description The flag as the organization now sees it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: string;
                        name: string;
                        description: string | null;
                        default_enabled: boolean;
                        /** @description the effective value for this organization */
                        enabled: boolean;
                        overridden: boolean;
                        rollout_percent: number | null;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.featureFlags.resetOverride": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The flag as the organization now sees it (the global rule) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        key: string;
                        name: string;
                        description: string | null;
                        default_enabled: boolean;
                        /** @description the effective value for this organization */
                        enabled: boolean;
                        overridden: boolean;
                        rollout_percent: number | null;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.featureFlags.evaluate": {
        parameters: {
            query?: {
                /** @description comma-separated flag keys; all flags when absent */
                keys?: string;
            };
            header?: never;
            path: {
                org_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every flag’s value for this organization */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        flags: {
                            [key: string]: boolean;
                        };
                    };
                };
            };
            /** @description Not modified: the values match the `If-None-Match` ETag */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "featureFlags.snapshot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every flag rule, for local evaluation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        version: string;
                        flags: {
                            key: string;
                            default_enabled: boolean;
                            rollout_percent: number | null;
                            rollout_unit: "organization" | "user";
                            /** @description by organization id */
                            overrides: {
                                [key: string]: {
                                    enabled: boolean;
                                    rollout_percent: number | null;
                                };
                            };
                        }[];
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "dev.mailbox.list": {
        parameters: {
            query?: {
                to?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The mail kept in the dev mailbox, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        template: string;
                        to: string;
                        subject: string;
                        text: string | null;
                        html: string | null;
                        status: string;
                        /** Format: date-time */
                        created_at: string;
                    }[];
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller’s organizations, with their role in each */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        slug: string;
                        description: string | null;
                        metadata: {
                            [key: string]: unknown;
                        };
                        settings: {
                            [key: string]: unknown;
                        };
                        is_active: boolean;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** @description name of the caller's role in this organization, e.g. "Owner" */
                        your_role: string;
                        /** Format: uuid */
                        your_role_id: string;
                    }[];
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description one line of text: no line breaks, control characters or bidi overrides */
                    name: string;
                    slug?: string;
                    description?: string | null;
                    /** @description JSON object, at most 8 KiB */
                    metadata?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description Organization created; the caller is its Owner (your_role "Owner", as in the list) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        slug: string;
                        description: string | null;
                        metadata: {
                            [key: string]: unknown;
                        };
                        settings: {
                            [key: string]: unknown;
                        };
                        is_active: boolean;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** @description name of the caller's role in this organization, e.g. "Owner" */
                        your_role: string;
                        /** Format: uuid */
                        your_role_id: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The organization */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        slug: string;
                        description: string | null;
                        metadata: {
                            [key: string]: unknown;
                        };
                        settings: {
                            [key: string]: unknown;
                        };
                        is_active: boolean;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Organization deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description one line of text: no line breaks, control characters or bidi overrides */
                    name?: string;
                    slug?: string;
                    description?: string | null;
                    /** @description JSON object, at most 8 KiB */
                    metadata?: {
                        [key: string]: unknown;
                    };
                    settings?: {
                        require_2fa?: boolean;
                        sso_required?: boolean;
                        /** @description exact URLs this organization’s SSO logins may return to, beside the instance’s SSO_REDIRECT_URIS */
                        sso_redirect_uris?: string[];
                    };
                };
            };
        };
        responses: {
            /** @description The organization, updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        slug: string;
                        description: string | null;
                        metadata: {
                            [key: string]: unknown;
                        };
                        settings: {
                            [key: string]: unknown;
                        };
                        is_active: boolean;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.updateSettings": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description members must enable two-factor authentication */
                    require_2fa?: boolean;
                    /** @description members whose email is in a verified domain must sign in through SSO (Owners keep a password + 2FA break-glass login) */
                    sso_required?: boolean;
                    /** @description exact URLs this organization’s SSO logins may return to, beside the instance’s SSO_REDIRECT_URIS */
                    sso_redirect_uris?: string[];
                };
            };
        };
        responses: {
            /** @description The organization, with its settings updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        name: string;
                        slug: string;
                        description: string | null;
                        metadata: {
                            [key: string]: unknown;
                        };
                        settings: {
                            [key: string]: unknown;
                        };
                        is_active: boolean;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.authorize": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    permissions: string[];
                };
            };
        };
        responses: {
            /** @description For each permission asked about, whether the caller holds it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description true when every requested permission is held */
                        allowed: boolean;
                        permissions: {
                            [key: string]: boolean;
                        };
                        role: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.switchOrganization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    org_id: string;
                };
            };
        };
        responses: {
            /** @description An access token scoped to the chosen organization */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        access_token: string;
                        /** @enum {string} */
                        token_type: "bearer";
                        expires_in: number;
                        organization: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            slug: string;
                        };
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.members.list": {
        parameters: {
            query?: {
                limit?: number;
                /** @description from X-Next-Cursor; valid with the same sort only */
                cursor?: string;
                /** @description joined (default), name, role or last_active; a leading - reverses the order */
                sort?: "joined" | "-joined" | "name" | "-name" | "role" | "-role" | "last_active" | "-last_active";
                /** @description matches email or full name, case-insensitive */
                search?: string;
                role_id?: string;
                status?: "active" | "suspended";
            };
            header?: never;
            path: {
                org_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of members */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"][];
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.members.changeRole": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
                membership_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    role_id: string;
                };
            };
        };
        responses: {
            /** @description The membership with its new role */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        user_id: string;
                        /** Format: uuid */
                        organization_id: string;
                        /** Format: uuid */
                        role_id: string;
                        role_name: string;
                        status: string;
                        /** Format: date-time */
                        created_at: string;
                        user_email: string;
                        user_full_name: string;
                        /** @description the member has turned on two-factor authentication */
                        two_factor_enabled: boolean;
                        /** @description when the member last used a session (to the minute); null when never since this was recorded */
                        last_active_at: string | null;
                        /** @description a SCIM directory manages this member: its role and presence follow the IdP (change them there) */
                        managed_by_directory: boolean;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.members.remove": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
                membership_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Member removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.members.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
                membership_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    status: "active" | "suspended";
                };
            };
        };
        responses: {
            /** @description The membership with its new status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        user_id: string;
                        /** Format: uuid */
                        organization_id: string;
                        /** Format: uuid */
                        role_id: string;
                        role_name: string;
                        status: string;
                        /** Format: date-time */
                        created_at: string;
                        user_email: string;
                        user_full_name: string;
                        /** @description the member has turned on two-factor authentication */
                        two_factor_enabled: boolean;
                        /** @description when the member last used a session (to the minute); null when never since this was recorded */
                        last_active_at: string | null;
                        /** @description a SCIM directory manages this member: its role and presence follow the IdP (change them there) */
                        managed_by_directory: boolean;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.leave": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller left the organization */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "permissions.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every permission with its description */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Permission"][];
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.roles.list": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The organization’s roles, system and custom */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Role"][];
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.roles.create": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description one line of text: no line breaks, control characters or bidi overrides */
                    name: string;
                    description?: string | null;
                    permissions: string[];
                };
            };
        };
        responses: {
            /** @description Role created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        organization_id: string;
                        name: string;
                        description: string | null;
                        is_system: boolean;
                        permissions: string[];
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.roles.delete": {
        parameters: {
            query?: {
                reassign_to?: string;
            };
            header?: never;
            path: {
                org_id: string;
                role_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Role deleted (its members reassigned) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.roles.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
                role_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description one line of text: no line breaks, control characters or bidi overrides */
                    name?: string;
                    description?: string | null;
                    permissions?: string[];
                };
            };
        };
        responses: {
            /** @description The role, updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        organization_id: string;
                        name: string;
                        description: string | null;
                        is_system: boolean;
                        permissions: string[];
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "admin.users.list": {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of users */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        email: string;
                        full_name: string;
                        is_active: boolean;
                        is_superuser: boolean;
                        email_verified: boolean;
                        /** Format: date-time */
                        created_at: string;
                    }[];
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "admin.organizations.list": {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of organizations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organization"][];
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "admin.users.resetTwoFactor": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Two-factor turned off for the user; their sessions ended */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "admin.users.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** User */
                        user: {
                            /** Format: uuid */
                            id: string;
                            email: string;
                            full_name: string;
                            is_active: boolean;
                            is_superuser: boolean;
                            email_verified: boolean;
                            /** Format: date-time */
                            created_at: string;
                        };
                        two_factor: {
                            enabled: boolean;
                            enabled_at: string | null;
                        };
                        memberships: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            organization_id: string;
                            organization_name: string;
                            organization_slug: string;
                            /** Format: uuid */
                            role_id: string;
                            role_name: string;
                            status: string;
                        }[];
                        /** @description live sessions (not ended, not expired), most recently used first */
                        sessions: {
                            /** Format: uuid */
                            id: string;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            last_used_at: string;
                            /** Format: date-time */
                            expires_at: string;
                            ip: string | null;
                            user_agent: string | null;
                        }[];
                        /** @description the 25 latest security events of the account, as actor or as target */
                        security_events: components["schemas"]["AuditLog"][];
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "admin.users.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    is_active: boolean;
                };
            };
        };
        responses: {
            /** @description The account after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        email: string;
                        full_name: string;
                        is_active: boolean;
                        is_superuser: boolean;
                        email_verified: boolean;
                        /** Format: date-time */
                        created_at: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "admin.users.endSession": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                session_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session ended */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "admin.organizations.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The organization */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organization: components["schemas"]["Organization"];
                        member_count: number;
                        roles: {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            organization_id: string;
                            name: string;
                            description: string | null;
                            is_system: boolean;
                            permissions: string[];
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            member_count: number;
                        }[];
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "admin.organizations.members": {
        parameters: {
            query?: {
                limit?: number;
                /** @description from X-Next-Cursor; valid with the same sort only */
                cursor?: string;
                /** @description joined (default), name, role or last_active; a leading - reverses the order */
                sort?: "joined" | "-joined" | "name" | "-name" | "role" | "-role" | "last_active" | "-last_active";
                /** @description matches email or full name, case-insensitive */
                search?: string;
                role_id?: string;
                status?: "active" | "suspended";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of members */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"][];
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "admin.organizations.auditLogs": {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                cursor?: string;
                /** @description exact action, or a prefix such as `user.*` */
                action?: string;
                actor_user_id?: string;
                target_type?: string;
                target_id?: string;
                from?: string;
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of audit events, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditLog"][];
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "admin.overview": {
        parameters: {
            query?: {
                /** @description how many days (UTC) the daily series covers, today included */
                days?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Daily and monthly series */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        days: {
                            /** Format: date */
                            day: string;
                            signups: number;
                            logins: number;
                            failed_logins: number;
                            active_users: number;
                        }[];
                        months: {
                            /** Format: date */
                            month: string;
                            active_users: number;
                            users: number;
                            two_factor_users: number;
                        }[];
                        totals: {
                            users: number;
                            two_factor_users: number;
                        };
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.webhooks.list": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoints (never their secrets) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"][];
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.webhooks.create": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description https (http allowed outside production) */
                    url: string;
                    event_types: string[];
                    description?: string | null;
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Endpoint created: `secret` (whsec_…) is shown only in this answer */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        organization_id: string | null;
                        url: string;
                        description: string | null;
                        event_types: string[];
                        enabled: boolean;
                        disabled_reason: "gone" | "failing" | null;
                        failing_since: string | null;
                        secret_rotating_until: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        secret: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.webhooks.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        organization_id: string | null;
                        url: string;
                        description: string | null;
                        event_types: string[];
                        enabled: boolean;
                        disabled_reason: "gone" | "failing" | null;
                        failing_since: string | null;
                        secret_rotating_until: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.webhooks.delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Endpoint deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.webhooks.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url?: string;
                    event_types?: string[];
                    description?: string | null;
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description The endpoint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        organization_id: string | null;
                        url: string;
                        description: string | null;
                        event_types: string[];
                        enabled: boolean;
                        disabled_reason: "gone" | "failing" | null;
                        failing_since: string | null;
                        secret_rotating_until: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.webhooks.rotateSecret": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    overlap_seconds?: number;
                };
            };
        };
        responses: {
            /** @description The new secret */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        secret: string;
                        previous_secret_expires_at: string | null;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.webhooks.test": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Test event queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        delivery_id: string;
                        /** Format: uuid */
                        event_id: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.webhooks.deliveries.list": {
        parameters: {
            query?: {
                limit?: number;
                status?: "pending" | "delivering" | "succeeded" | "failed";
            };
            header?: never;
            path: {
                org_id: string;
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"][];
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.webhooks.deliveries.retry": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
                webhook_id: string;
                delivery_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Delivery queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        delivery_id: string;
                        /** Format: uuid */
                        event_id: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "admin.webhooks.list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoints (never their secrets) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"][];
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "admin.webhooks.create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description https (http allowed outside production) */
                    url: string;
                    event_types: string[];
                    description?: string | null;
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description Endpoint created: `secret` (whsec_…) is shown only in this answer */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        organization_id: string | null;
                        url: string;
                        description: string | null;
                        event_types: string[];
                        enabled: boolean;
                        disabled_reason: "gone" | "failing" | null;
                        failing_since: string | null;
                        secret_rotating_until: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        secret: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "admin.webhooks.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        organization_id: string | null;
                        url: string;
                        description: string | null;
                        event_types: string[];
                        enabled: boolean;
                        disabled_reason: "gone" | "failing" | null;
                        failing_since: string | null;
                        secret_rotating_until: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "admin.webhooks.delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Endpoint deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "admin.webhooks.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    url?: string;
                    event_types?: string[];
                    description?: string | null;
                    enabled?: boolean;
                };
            };
        };
        responses: {
            /** @description The endpoint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        organization_id: string | null;
                        url: string;
                        description: string | null;
                        event_types: string[];
                        enabled: boolean;
                        disabled_reason: "gone" | "failing" | null;
                        failing_since: string | null;
                        secret_rotating_until: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "admin.webhooks.rotateSecret": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    overlap_seconds?: number;
                };
            };
        };
        responses: {
            /** @description The new secret */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        secret: string;
                        previous_secret_expires_at: string | null;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "admin.webhooks.test": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Test event queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        delivery_id: string;
                        /** Format: uuid */
                        event_id: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "admin.webhooks.deliveries.list": {
        parameters: {
            query?: {
                limit?: number;
                status?: "pending" | "delivering" | "succeeded" | "failed";
            };
            header?: never;
            path: {
                webhook_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"][];
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "admin.webhooks.deliveries.retry": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                webhook_id: string;
                delivery_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Delivery queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        delivery_id: string;
                        /** Format: uuid */
                        event_id: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.domains.list": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Domains, by name */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        organization_id: string;
                        domain: string;
                        status: "pending" | "verified";
                        verified_at: string | null;
                        verification: {
                            /** @enum {string} */
                            type: "TXT";
                            name: string;
                            value: string;
                        };
                        /** Format: date-time */
                        created_at: string;
                    }[];
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.domains.create": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description a domain name such as acme.com */
                    domain: string;
                };
            };
        };
        responses: {
            /** @description Domain added, pending verification */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        organization_id: string;
                        domain: string;
                        status: "pending" | "verified";
                        verified_at: string | null;
                        verification: {
                            /** @enum {string} */
                            type: "TXT";
                            name: string;
                            value: string;
                        };
                        /** Format: date-time */
                        created_at: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.domains.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
                domain_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The domain */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        organization_id: string;
                        domain: string;
                        status: "pending" | "verified";
                        verified_at: string | null;
                        verification: {
                            /** @enum {string} */
                            type: "TXT";
                            name: string;
                            value: string;
                        };
                        /** Format: date-time */
                        created_at: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.domains.delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
                domain_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.domains.verify": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
                domain_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Verified */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        organization_id: string;
                        domain: string;
                        status: "pending" | "verified";
                        verified_at: string | null;
                        verification: {
                            /** @enum {string} */
                            type: "TXT";
                            name: string;
                            value: string;
                        };
                        /** Format: date-time */
                        created_at: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.sso.connections.list": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Connections, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        organization_id: string;
                        type: "oidc" | "saml";
                        name: string;
                        enabled: boolean;
                        default_role_id: string | null;
                        allow_idp_initiated: boolean;
                        allow_sha1: boolean;
                        oidc: {
                            issuer: string;
                            client_id: string;
                            scopes: string[];
                            client_secret_set: boolean;
                        } | null;
                        saml: {
                            idp_entity_id: string;
                            idp_sso_url: string;
                            idp_certificate_count: number;
                            idp_metadata_url: string | null;
                        } | null;
                        sp: {
                            entity_id?: string;
                            acs_url?: string;
                            metadata_url?: string;
                            redirect_uri?: string;
                        };
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    }[];
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.sso.connections.create": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    type: "oidc";
                    /** @description one line of text: no line breaks, control characters or bidi overrides */
                    name: string;
                    /** Format: uuid */
                    default_role_id?: string;
                    /** @default true */
                    enabled?: boolean;
                    /** @description an http(s) URL */
                    issuer: string;
                    client_id: string;
                    client_secret: string;
                    scopes?: string[];
                } | {
                    /** @enum {string} */
                    type: "saml";
                    /** @description one line of text: no line breaks, control characters or bidi overrides */
                    name: string;
                    /** Format: uuid */
                    default_role_id?: string;
                    /** @default true */
                    enabled?: boolean;
                    idp_metadata_xml?: string;
                    /** @description an http(s) URL */
                    idp_metadata_url?: string;
                    idp_entity_id?: string;
                    /** @description an http(s) URL */
                    idp_sso_url?: string;
                    /** @description X.509 certificate: PEM, or its base64 body */
                    idp_certificate?: string;
                    /**
                     * @description accept unsolicited (IdP-initiated) responses
                     * @default false
                     */
                    allow_idp_initiated?: boolean;
                    /**
                     * @description accept RSA-SHA1 signatures (legacy IdPs only)
                     * @default false
                     */
                    allow_sha1?: boolean;
                };
            };
        };
        responses: {
            /** @description The connection, with the SP values to give the IdP */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        organization_id: string;
                        type: "oidc" | "saml";
                        name: string;
                        enabled: boolean;
                        default_role_id: string | null;
                        allow_idp_initiated: boolean;
                        allow_sha1: boolean;
                        oidc: {
                            issuer: string;
                            client_id: string;
                            scopes: string[];
                            client_secret_set: boolean;
                        } | null;
                        saml: {
                            idp_entity_id: string;
                            idp_sso_url: string;
                            idp_certificate_count: number;
                            idp_metadata_url: string | null;
                        } | null;
                        sp: {
                            entity_id?: string;
                            acs_url?: string;
                            metadata_url?: string;
                            redirect_uri?: string;
                        };
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.sso.connections.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
                connection_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The connection */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        organization_id: string;
                        type: "oidc" | "saml";
                        name: string;
                        enabled: boolean;
                        default_role_id: string | null;
                        allow_idp_initiated: boolean;
                        allow_sha1: boolean;
                        oidc: {
                            issuer: string;
                            client_id: string;
                            scopes: string[];
                            client_secret_set: boolean;
                        } | null;
                        saml: {
                            idp_entity_id: string;
                            idp_sso_url: string;
                            idp_certificate_count: number;
                            idp_metadata_url: string | null;
                        } | null;
                        sp: {
                            entity_id?: string;
                            acs_url?: string;
                            metadata_url?: string;
                            redirect_uri?: string;
                        };
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.sso.connections.delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
                connection_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.sso.connections.update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
                connection_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description one line of text: no line breaks, control characters or bidi overrides */
                    name?: string;
                    enabled?: boolean;
                    default_role_id?: string | null;
                    allow_idp_initiated?: boolean;
                    allow_sha1?: boolean;
                    /** @description an http(s) URL */
                    issuer?: string;
                    client_id?: string;
                    client_secret?: string;
                    scopes?: string[];
                    idp_entity_id?: string;
                    /** @description an http(s) URL */
                    idp_sso_url?: string;
                    /** @description X.509 certificate: PEM, or its base64 body */
                    idp_certificate?: string;
                };
            };
        };
        responses: {
            /** @description The connection */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        organization_id: string;
                        type: "oidc" | "saml";
                        name: string;
                        enabled: boolean;
                        default_role_id: string | null;
                        allow_idp_initiated: boolean;
                        allow_sha1: boolean;
                        oidc: {
                            issuer: string;
                            client_id: string;
                            scopes: string[];
                            client_secret_set: boolean;
                        } | null;
                        saml: {
                            idp_entity_id: string;
                            idp_sso_url: string;
                            idp_certificate_count: number;
                            idp_metadata_url: string | null;
                        } | null;
                        sp: {
                            entity_id?: string;
                            acs_url?: string;
                            metadata_url?: string;
                            redirect_uri?: string;
                        };
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "auth.sso.lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description email address */
                    email: string;
                };
            };
        };
        responses: {
            /** @description The answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        sso: boolean;
                        organization_id: string | null;
                        connection_id: string | null;
                        sso_required: boolean;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "sso.authorize": {
        parameters: {
            query: {
                connection_id?: string;
                organization_id?: string;
                /** @description a domain name such as acme.com */
                domain?: string;
                /** @description email address */
                email?: string;
                redirect_uri: string;
                state?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirect (Location header) */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "sso.oidc.callback": {
        parameters: {
            query?: {
                code?: string;
                state?: string;
                error?: string;
                error_description?: string;
                iss?: string;
                session_state?: string;
            };
            header?: never;
            path: {
                connection_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirect (Location header) */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "sso.saml.acs": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                connection_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    SAMLResponse: string;
                    RelayState?: string;
                };
            };
        };
        responses: {
            /** @description Redirect (Location header) */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "sso.saml.metadata": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                connection_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description SAML metadata XML */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.directories.list": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Directories */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Directory"][];
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.directories.create": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description one line of text: no line breaks, control characters or bidi overrides */
                    name: string;
                    /** @description role of a provisioned member in no mapped group (default: Member) */
                    default_role_id?: string | null;
                };
            };
        };
        responses: {
            /** @description The directory with its token */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        organization_id: string;
                        name: string;
                        /** @description the SCIM 2.0 base URL the IdP is given (Tenant URL in Entra ID, SCIM connector base URL in Okta) */
                        scim_base_url: string;
                        /** @description the first characters of the current token, to tell tokens apart */
                        token_prefix: string;
                        default_role_id: string | null;
                        user_count: number;
                        group_count: number;
                        last_sync_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                        /** @description the bearer token the IdP sends (Secret Token in Entra ID, API token in Okta); shown once */
                        token: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.directories.get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
                directory_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The directory */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        organization_id: string;
                        name: string;
                        /** @description the SCIM 2.0 base URL the IdP is given (Tenant URL in Entra ID, SCIM connector base URL in Okta) */
                        scim_base_url: string;
                        /** @description the first characters of the current token, to tell tokens apart */
                        token_prefix: string;
                        default_role_id: string | null;
                        user_count: number;
                        group_count: number;
                        last_sync_at: string | null;
                        /** Format: date-time */
                        created_at: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.directories.delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
                directory_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.directories.rotateToken": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
                directory_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new token */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        token: string;
                        token_prefix: string;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.directories.groups.list": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
                directory_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Groups, by name */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectoryGroup"][];
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "orgs.directories.groups.setRole": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                org_id: string;
                directory_id: string;
                group_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    role_id: string | null;
                };
            };
        };
        responses: {
            /** @description The group with its role */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        display_name: string;
                        external_id: string | null;
                        member_count: number;
                        role_id: string | null;
                        role_name: string | null;
                    };
                };
            };
            /** @description Bad request: malformed JSON, or a body, query or path parameter that breaks the schema (`errors` names each field) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not authenticated: no credential, or an invalid, expired or revoked one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the caller lacks the permission (`permission_denied`) or a policy refuses the action */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found: no such resource, or one the caller may not see (another organization’s is a 404 too) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state: a taken name or email, the last Owner, a pending invitation… */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Refused by a rule: a rejected password, a wrong 2FA code, an Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests: try again after `Retry-After` seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Service unavailable: the database cannot be reached; try again shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    "webhooks.userCreated": {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (the body’s `id`): the same on every retry; deduplicate on it. */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed; refuse one more than 5 minutes off. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per signing secret (two during a rotation’s overlap). Verify with `standardwebhooks`, `svix` or the SDKs’ verifier. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description the event id, equal to the webhook-id header
                     */
                    id: string;
                    /** @constant */
                    type: "user.created";
                    /** Format: date-time */
                    created_at: string;
                    organization_id: string | null;
                    data: {
                        action: string;
                        actor: {
                            type: "user" | "api_key" | "system" | "directory";
                            user_id: string | null;
                            api_key_id: string | null;
                            email: string | null;
                        };
                        target: {
                            type: string;
                            id: string;
                        } | null;
                        attributes: {
                            [key: string]: unknown;
                        };
                        /** Format: uuid */
                        audit_log_id: string;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the server disables the endpoint and sends it nothing more */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received: any 2xx acknowledges the delivery (redirects are not followed and count as failures) */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer, a timeout or a refused connection: retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhooks.userUpdated": {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (the body’s `id`): the same on every retry; deduplicate on it. */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed; refuse one more than 5 minutes off. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per signing secret (two during a rotation’s overlap). Verify with `standardwebhooks`, `svix` or the SDKs’ verifier. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description the event id, equal to the webhook-id header
                     */
                    id: string;
                    /** @constant */
                    type: "user.updated";
                    /** Format: date-time */
                    created_at: string;
                    organization_id: string | null;
                    data: {
                        action: string;
                        actor: {
                            type: "user" | "api_key" | "system" | "directory";
                            user_id: string | null;
                            api_key_id: string | null;
                            email: string | null;
                        };
                        target: {
                            type: string;
                            id: string;
                        } | null;
                        attributes: {
                            [key: string]: unknown;
                        };
                        /** Format: uuid */
                        audit_log_id: string;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the server disables the endpoint and sends it nothing more */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received: any 2xx acknowledges the delivery (redirects are not followed and count as failures) */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer, a timeout or a refused connection: retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhooks.sessionCreated": {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (the body’s `id`): the same on every retry; deduplicate on it. */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed; refuse one more than 5 minutes off. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per signing secret (two during a rotation’s overlap). Verify with `standardwebhooks`, `svix` or the SDKs’ verifier. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description the event id, equal to the webhook-id header
                     */
                    id: string;
                    /** @constant */
                    type: "session.created";
                    /** Format: date-time */
                    created_at: string;
                    organization_id: string | null;
                    data: {
                        action: string;
                        actor: {
                            type: "user" | "api_key" | "system" | "directory";
                            user_id: string | null;
                            api_key_id: string | null;
                            email: string | null;
                        };
                        target: {
                            type: string;
                            id: string;
                        } | null;
                        attributes: {
                            [key: string]: unknown;
                        };
                        /** Format: uuid */
                        audit_log_id: string;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the server disables the endpoint and sends it nothing more */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received: any 2xx acknowledges the delivery (redirects are not followed and count as failures) */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer, a timeout or a refused connection: retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhooks.sessionRevoked": {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (the body’s `id`): the same on every retry; deduplicate on it. */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed; refuse one more than 5 minutes off. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per signing secret (two during a rotation’s overlap). Verify with `standardwebhooks`, `svix` or the SDKs’ verifier. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description the event id, equal to the webhook-id header
                     */
                    id: string;
                    /** @constant */
                    type: "session.revoked";
                    /** Format: date-time */
                    created_at: string;
                    organization_id: string | null;
                    data: {
                        action: string;
                        actor: {
                            type: "user" | "api_key" | "system" | "directory";
                            user_id: string | null;
                            api_key_id: string | null;
                            email: string | null;
                        };
                        target: {
                            type: string;
                            id: string;
                        } | null;
                        attributes: {
                            [key: string]: unknown;
                        };
                        /** Format: uuid */
                        audit_log_id: string;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the server disables the endpoint and sends it nothing more */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received: any 2xx acknowledges the delivery (redirects are not followed and count as failures) */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer, a timeout or a refused connection: retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhooks.organizationCreated": {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (the body’s `id`): the same on every retry; deduplicate on it. */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed; refuse one more than 5 minutes off. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per signing secret (two during a rotation’s overlap). Verify with `standardwebhooks`, `svix` or the SDKs’ verifier. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description the event id, equal to the webhook-id header
                     */
                    id: string;
                    /** @constant */
                    type: "organization.created";
                    /** Format: date-time */
                    created_at: string;
                    organization_id: string | null;
                    data: {
                        action: string;
                        actor: {
                            type: "user" | "api_key" | "system" | "directory";
                            user_id: string | null;
                            api_key_id: string | null;
                            email: string | null;
                        };
                        target: {
                            type: string;
                            id: string;
                        } | null;
                        attributes: {
                            [key: string]: unknown;
                        };
                        /** Format: uuid */
                        audit_log_id: string;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the server disables the endpoint and sends it nothing more */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received: any 2xx acknowledges the delivery (redirects are not followed and count as failures) */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer, a timeout or a refused connection: retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhooks.organizationUpdated": {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (the body’s `id`): the same on every retry; deduplicate on it. */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed; refuse one more than 5 minutes off. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per signing secret (two during a rotation’s overlap). Verify with `standardwebhooks`, `svix` or the SDKs’ verifier. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description the event id, equal to the webhook-id header
                     */
                    id: string;
                    /** @constant */
                    type: "organization.updated";
                    /** Format: date-time */
                    created_at: string;
                    organization_id: string | null;
                    data: {
                        action: string;
                        actor: {
                            type: "user" | "api_key" | "system" | "directory";
                            user_id: string | null;
                            api_key_id: string | null;
                            email: string | null;
                        };
                        target: {
                            type: string;
                            id: string;
                        } | null;
                        attributes: {
                            [key: string]: unknown;
                        };
                        /** Format: uuid */
                        audit_log_id: string;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the server disables the endpoint and sends it nothing more */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received: any 2xx acknowledges the delivery (redirects are not followed and count as failures) */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer, a timeout or a refused connection: retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhooks.organizationDeleted": {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (the body’s `id`): the same on every retry; deduplicate on it. */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed; refuse one more than 5 minutes off. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per signing secret (two during a rotation’s overlap). Verify with `standardwebhooks`, `svix` or the SDKs’ verifier. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description the event id, equal to the webhook-id header
                     */
                    id: string;
                    /** @constant */
                    type: "organization.deleted";
                    /** Format: date-time */
                    created_at: string;
                    organization_id: string | null;
                    data: {
                        action: string;
                        actor: {
                            type: "user" | "api_key" | "system" | "directory";
                            user_id: string | null;
                            api_key_id: string | null;
                            email: string | null;
                        };
                        target: {
                            type: string;
                            id: string;
                        } | null;
                        attributes: {
                            [key: string]: unknown;
                        };
                        /** Format: uuid */
                        audit_log_id: string;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the server disables the endpoint and sends it nothing more */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received: any 2xx acknowledges the delivery (redirects are not followed and count as failures) */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer, a timeout or a refused connection: retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhooks.membershipCreated": {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (the body’s `id`): the same on every retry; deduplicate on it. */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed; refuse one more than 5 minutes off. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per signing secret (two during a rotation’s overlap). Verify with `standardwebhooks`, `svix` or the SDKs’ verifier. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description the event id, equal to the webhook-id header
                     */
                    id: string;
                    /** @constant */
                    type: "membership.created";
                    /** Format: date-time */
                    created_at: string;
                    organization_id: string | null;
                    data: {
                        action: string;
                        actor: {
                            type: "user" | "api_key" | "system" | "directory";
                            user_id: string | null;
                            api_key_id: string | null;
                            email: string | null;
                        };
                        target: {
                            type: string;
                            id: string;
                        } | null;
                        attributes: {
                            [key: string]: unknown;
                        };
                        /** Format: uuid */
                        audit_log_id: string;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the server disables the endpoint and sends it nothing more */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received: any 2xx acknowledges the delivery (redirects are not followed and count as failures) */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer, a timeout or a refused connection: retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhooks.membershipUpdated": {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (the body’s `id`): the same on every retry; deduplicate on it. */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed; refuse one more than 5 minutes off. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per signing secret (two during a rotation’s overlap). Verify with `standardwebhooks`, `svix` or the SDKs’ verifier. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description the event id, equal to the webhook-id header
                     */
                    id: string;
                    /** @constant */
                    type: "membership.updated";
                    /** Format: date-time */
                    created_at: string;
                    organization_id: string | null;
                    data: {
                        action: string;
                        actor: {
                            type: "user" | "api_key" | "system" | "directory";
                            user_id: string | null;
                            api_key_id: string | null;
                            email: string | null;
                        };
                        target: {
                            type: string;
                            id: string;
                        } | null;
                        attributes: {
                            [key: string]: unknown;
                        };
                        /** Format: uuid */
                        audit_log_id: string;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the server disables the endpoint and sends it nothing more */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received: any 2xx acknowledges the delivery (redirects are not followed and count as failures) */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer, a timeout or a refused connection: retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhooks.membershipDeleted": {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (the body’s `id`): the same on every retry; deduplicate on it. */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed; refuse one more than 5 minutes off. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per signing secret (two during a rotation’s overlap). Verify with `standardwebhooks`, `svix` or the SDKs’ verifier. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description the event id, equal to the webhook-id header
                     */
                    id: string;
                    /** @constant */
                    type: "membership.deleted";
                    /** Format: date-time */
                    created_at: string;
                    organization_id: string | null;
                    data: {
                        action: string;
                        actor: {
                            type: "user" | "api_key" | "system" | "directory";
                            user_id: string | null;
                            api_key_id: string | null;
                            email: string | null;
                        };
                        target: {
                            type: string;
                            id: string;
                        } | null;
                        attributes: {
                            [key: string]: unknown;
                        };
                        /** Format: uuid */
                        audit_log_id: string;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the server disables the endpoint and sends it nothing more */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received: any 2xx acknowledges the delivery (redirects are not followed and count as failures) */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer, a timeout or a refused connection: retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhooks.invitationCreated": {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (the body’s `id`): the same on every retry; deduplicate on it. */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed; refuse one more than 5 minutes off. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per signing secret (two during a rotation’s overlap). Verify with `standardwebhooks`, `svix` or the SDKs’ verifier. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description the event id, equal to the webhook-id header
                     */
                    id: string;
                    /** @constant */
                    type: "invitation.created";
                    /** Format: date-time */
                    created_at: string;
                    organization_id: string | null;
                    data: {
                        action: string;
                        actor: {
                            type: "user" | "api_key" | "system" | "directory";
                            user_id: string | null;
                            api_key_id: string | null;
                            email: string | null;
                        };
                        target: {
                            type: string;
                            id: string;
                        } | null;
                        attributes: {
                            [key: string]: unknown;
                        };
                        /** Format: uuid */
                        audit_log_id: string;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the server disables the endpoint and sends it nothing more */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received: any 2xx acknowledges the delivery (redirects are not followed and count as failures) */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer, a timeout or a refused connection: retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhooks.invitationAccepted": {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (the body’s `id`): the same on every retry; deduplicate on it. */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed; refuse one more than 5 minutes off. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per signing secret (two during a rotation’s overlap). Verify with `standardwebhooks`, `svix` or the SDKs’ verifier. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description the event id, equal to the webhook-id header
                     */
                    id: string;
                    /** @constant */
                    type: "invitation.accepted";
                    /** Format: date-time */
                    created_at: string;
                    organization_id: string | null;
                    data: {
                        action: string;
                        actor: {
                            type: "user" | "api_key" | "system" | "directory";
                            user_id: string | null;
                            api_key_id: string | null;
                            email: string | null;
                        };
                        target: {
                            type: string;
                            id: string;
                        } | null;
                        attributes: {
                            [key: string]: unknown;
                        };
                        /** Format: uuid */
                        audit_log_id: string;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the server disables the endpoint and sends it nothing more */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received: any 2xx acknowledges the delivery (redirects are not followed and count as failures) */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer, a timeout or a refused connection: retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhooks.invitationRevoked": {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (the body’s `id`): the same on every retry; deduplicate on it. */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed; refuse one more than 5 minutes off. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per signing secret (two during a rotation’s overlap). Verify with `standardwebhooks`, `svix` or the SDKs’ verifier. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description the event id, equal to the webhook-id header
                     */
                    id: string;
                    /** @constant */
                    type: "invitation.revoked";
                    /** Format: date-time */
                    created_at: string;
                    organization_id: string | null;
                    data: {
                        action: string;
                        actor: {
                            type: "user" | "api_key" | "system" | "directory";
                            user_id: string | null;
                            api_key_id: string | null;
                            email: string | null;
                        };
                        target: {
                            type: string;
                            id: string;
                        } | null;
                        attributes: {
                            [key: string]: unknown;
                        };
                        /** Format: uuid */
                        audit_log_id: string;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the server disables the endpoint and sends it nothing more */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received: any 2xx acknowledges the delivery (redirects are not followed and count as failures) */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer, a timeout or a refused connection: retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhooks.roleCreated": {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (the body’s `id`): the same on every retry; deduplicate on it. */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed; refuse one more than 5 minutes off. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per signing secret (two during a rotation’s overlap). Verify with `standardwebhooks`, `svix` or the SDKs’ verifier. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description the event id, equal to the webhook-id header
                     */
                    id: string;
                    /** @constant */
                    type: "role.created";
                    /** Format: date-time */
                    created_at: string;
                    organization_id: string | null;
                    data: {
                        action: string;
                        actor: {
                            type: "user" | "api_key" | "system" | "directory";
                            user_id: string | null;
                            api_key_id: string | null;
                            email: string | null;
                        };
                        target: {
                            type: string;
                            id: string;
                        } | null;
                        attributes: {
                            [key: string]: unknown;
                        };
                        /** Format: uuid */
                        audit_log_id: string;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the server disables the endpoint and sends it nothing more */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received: any 2xx acknowledges the delivery (redirects are not followed and count as failures) */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer, a timeout or a refused connection: retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhooks.roleUpdated": {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (the body’s `id`): the same on every retry; deduplicate on it. */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed; refuse one more than 5 minutes off. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per signing secret (two during a rotation’s overlap). Verify with `standardwebhooks`, `svix` or the SDKs’ verifier. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description the event id, equal to the webhook-id header
                     */
                    id: string;
                    /** @constant */
                    type: "role.updated";
                    /** Format: date-time */
                    created_at: string;
                    organization_id: string | null;
                    data: {
                        action: string;
                        actor: {
                            type: "user" | "api_key" | "system" | "directory";
                            user_id: string | null;
                            api_key_id: string | null;
                            email: string | null;
                        };
                        target: {
                            type: string;
                            id: string;
                        } | null;
                        attributes: {
                            [key: string]: unknown;
                        };
                        /** Format: uuid */
                        audit_log_id: string;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the server disables the endpoint and sends it nothing more */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received: any 2xx acknowledges the delivery (redirects are not followed and count as failures) */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer, a timeout or a refused connection: retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhooks.roleDeleted": {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (the body’s `id`): the same on every retry; deduplicate on it. */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed; refuse one more than 5 minutes off. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per signing secret (two during a rotation’s overlap). Verify with `standardwebhooks`, `svix` or the SDKs’ verifier. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description the event id, equal to the webhook-id header
                     */
                    id: string;
                    /** @constant */
                    type: "role.deleted";
                    /** Format: date-time */
                    created_at: string;
                    organization_id: string | null;
                    data: {
                        action: string;
                        actor: {
                            type: "user" | "api_key" | "system" | "directory";
                            user_id: string | null;
                            api_key_id: string | null;
                            email: string | null;
                        };
                        target: {
                            type: string;
                            id: string;
                        } | null;
                        attributes: {
                            [key: string]: unknown;
                        };
                        /** Format: uuid */
                        audit_log_id: string;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the server disables the endpoint and sends it nothing more */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received: any 2xx acknowledges the delivery (redirects are not followed and count as failures) */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer, a timeout or a refused connection: retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhooks.apiKeyCreated": {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (the body’s `id`): the same on every retry; deduplicate on it. */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed; refuse one more than 5 minutes off. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per signing secret (two during a rotation’s overlap). Verify with `standardwebhooks`, `svix` or the SDKs’ verifier. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description the event id, equal to the webhook-id header
                     */
                    id: string;
                    /** @constant */
                    type: "api_key.created";
                    /** Format: date-time */
                    created_at: string;
                    organization_id: string | null;
                    data: {
                        action: string;
                        actor: {
                            type: "user" | "api_key" | "system" | "directory";
                            user_id: string | null;
                            api_key_id: string | null;
                            email: string | null;
                        };
                        target: {
                            type: string;
                            id: string;
                        } | null;
                        attributes: {
                            [key: string]: unknown;
                        };
                        /** Format: uuid */
                        audit_log_id: string;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the server disables the endpoint and sends it nothing more */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received: any 2xx acknowledges the delivery (redirects are not followed and count as failures) */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer, a timeout or a refused connection: retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhooks.apiKeyRevoked": {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (the body’s `id`): the same on every retry; deduplicate on it. */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed; refuse one more than 5 minutes off. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per signing secret (two during a rotation’s overlap). Verify with `standardwebhooks`, `svix` or the SDKs’ verifier. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description the event id, equal to the webhook-id header
                     */
                    id: string;
                    /** @constant */
                    type: "api_key.revoked";
                    /** Format: date-time */
                    created_at: string;
                    organization_id: string | null;
                    data: {
                        action: string;
                        actor: {
                            type: "user" | "api_key" | "system" | "directory";
                            user_id: string | null;
                            api_key_id: string | null;
                            email: string | null;
                        };
                        target: {
                            type: string;
                            id: string;
                        } | null;
                        attributes: {
                            [key: string]: unknown;
                        };
                        /** Format: uuid */
                        audit_log_id: string;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the server disables the endpoint and sends it nothing more */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received: any 2xx acknowledges the delivery (redirects are not followed and count as failures) */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer, a timeout or a refused connection: retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhooks.flagOverrideUpdated": {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (the body’s `id`): the same on every retry; deduplicate on it. */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed; refuse one more than 5 minutes off. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per signing secret (two during a rotation’s overlap). Verify with `standardwebhooks`, `svix` or the SDKs’ verifier. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description the event id, equal to the webhook-id header
                     */
                    id: string;
                    /** @constant */
                    type: "flag_override.updated";
                    /** Format: date-time */
                    created_at: string;
                    organization_id: string | null;
                    data: {
                        action: string;
                        actor: {
                            type: "user" | "api_key" | "system" | "directory";
                            user_id: string | null;
                            api_key_id: string | null;
                            email: string | null;
                        };
                        target: {
                            type: string;
                            id: string;
                        } | null;
                        attributes: {
                            [key: string]: unknown;
                        };
                        /** Format: uuid */
                        audit_log_id: string;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the server disables the endpoint and sends it nothing more */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received: any 2xx acknowledges the delivery (redirects are not followed and count as failures) */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer, a timeout or a refused connection: retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhooks.flagOverrideDeleted": {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (the body’s `id`): the same on every retry; deduplicate on it. */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed; refuse one more than 5 minutes off. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per signing secret (two during a rotation’s overlap). Verify with `standardwebhooks`, `svix` or the SDKs’ verifier. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description the event id, equal to the webhook-id header
                     */
                    id: string;
                    /** @constant */
                    type: "flag_override.deleted";
                    /** Format: date-time */
                    created_at: string;
                    organization_id: string | null;
                    data: {
                        action: string;
                        actor: {
                            type: "user" | "api_key" | "system" | "directory";
                            user_id: string | null;
                            api_key_id: string | null;
                            email: string | null;
                        };
                        target: {
                            type: string;
                            id: string;
                        } | null;
                        attributes: {
                            [key: string]: unknown;
                        };
                        /** Format: uuid */
                        audit_log_id: string;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the server disables the endpoint and sends it nothing more */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received: any 2xx acknowledges the delivery (redirects are not followed and count as failures) */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer, a timeout or a refused connection: retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhooks.domainCreated": {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (the body’s `id`): the same on every retry; deduplicate on it. */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed; refuse one more than 5 minutes off. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per signing secret (two during a rotation’s overlap). Verify with `standardwebhooks`, `svix` or the SDKs’ verifier. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description the event id, equal to the webhook-id header
                     */
                    id: string;
                    /** @constant */
                    type: "domain.created";
                    /** Format: date-time */
                    created_at: string;
                    organization_id: string | null;
                    data: {
                        action: string;
                        actor: {
                            type: "user" | "api_key" | "system" | "directory";
                            user_id: string | null;
                            api_key_id: string | null;
                            email: string | null;
                        };
                        target: {
                            type: string;
                            id: string;
                        } | null;
                        attributes: {
                            [key: string]: unknown;
                        };
                        /** Format: uuid */
                        audit_log_id: string;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the server disables the endpoint and sends it nothing more */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received: any 2xx acknowledges the delivery (redirects are not followed and count as failures) */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer, a timeout or a refused connection: retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhooks.domainVerified": {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (the body’s `id`): the same on every retry; deduplicate on it. */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed; refuse one more than 5 minutes off. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per signing secret (two during a rotation’s overlap). Verify with `standardwebhooks`, `svix` or the SDKs’ verifier. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description the event id, equal to the webhook-id header
                     */
                    id: string;
                    /** @constant */
                    type: "domain.verified";
                    /** Format: date-time */
                    created_at: string;
                    organization_id: string | null;
                    data: {
                        action: string;
                        actor: {
                            type: "user" | "api_key" | "system" | "directory";
                            user_id: string | null;
                            api_key_id: string | null;
                            email: string | null;
                        };
                        target: {
                            type: string;
                            id: string;
                        } | null;
                        attributes: {
                            [key: string]: unknown;
                        };
                        /** Format: uuid */
                        audit_log_id: string;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the server disables the endpoint and sends it nothing more */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received: any 2xx acknowledges the delivery (redirects are not followed and count as failures) */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer, a timeout or a refused connection: retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhooks.domainDeleted": {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (the body’s `id`): the same on every retry; deduplicate on it. */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed; refuse one more than 5 minutes off. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per signing secret (two during a rotation’s overlap). Verify with `standardwebhooks`, `svix` or the SDKs’ verifier. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description the event id, equal to the webhook-id header
                     */
                    id: string;
                    /** @constant */
                    type: "domain.deleted";
                    /** Format: date-time */
                    created_at: string;
                    organization_id: string | null;
                    data: {
                        action: string;
                        actor: {
                            type: "user" | "api_key" | "system" | "directory";
                            user_id: string | null;
                            api_key_id: string | null;
                            email: string | null;
                        };
                        target: {
                            type: string;
                            id: string;
                        } | null;
                        attributes: {
                            [key: string]: unknown;
                        };
                        /** Format: uuid */
                        audit_log_id: string;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the server disables the endpoint and sends it nothing more */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received: any 2xx acknowledges the delivery (redirects are not followed and count as failures) */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer, a timeout or a refused connection: retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhooks.ssoConnectionCreated": {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (the body’s `id`): the same on every retry; deduplicate on it. */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed; refuse one more than 5 minutes off. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per signing secret (two during a rotation’s overlap). Verify with `standardwebhooks`, `svix` or the SDKs’ verifier. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description the event id, equal to the webhook-id header
                     */
                    id: string;
                    /** @constant */
                    type: "sso_connection.created";
                    /** Format: date-time */
                    created_at: string;
                    organization_id: string | null;
                    data: {
                        action: string;
                        actor: {
                            type: "user" | "api_key" | "system" | "directory";
                            user_id: string | null;
                            api_key_id: string | null;
                            email: string | null;
                        };
                        target: {
                            type: string;
                            id: string;
                        } | null;
                        attributes: {
                            [key: string]: unknown;
                        };
                        /** Format: uuid */
                        audit_log_id: string;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the server disables the endpoint and sends it nothing more */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received: any 2xx acknowledges the delivery (redirects are not followed and count as failures) */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer, a timeout or a refused connection: retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhooks.ssoConnectionUpdated": {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (the body’s `id`): the same on every retry; deduplicate on it. */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed; refuse one more than 5 minutes off. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per signing secret (two during a rotation’s overlap). Verify with `standardwebhooks`, `svix` or the SDKs’ verifier. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description the event id, equal to the webhook-id header
                     */
                    id: string;
                    /** @constant */
                    type: "sso_connection.updated";
                    /** Format: date-time */
                    created_at: string;
                    organization_id: string | null;
                    data: {
                        action: string;
                        actor: {
                            type: "user" | "api_key" | "system" | "directory";
                            user_id: string | null;
                            api_key_id: string | null;
                            email: string | null;
                        };
                        target: {
                            type: string;
                            id: string;
                        } | null;
                        attributes: {
                            [key: string]: unknown;
                        };
                        /** Format: uuid */
                        audit_log_id: string;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the server disables the endpoint and sends it nothing more */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received: any 2xx acknowledges the delivery (redirects are not followed and count as failures) */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer, a timeout or a refused connection: retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhooks.ssoConnectionDeleted": {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (the body’s `id`): the same on every retry; deduplicate on it. */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed; refuse one more than 5 minutes off. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per signing secret (two during a rotation’s overlap). Verify with `standardwebhooks`, `svix` or the SDKs’ verifier. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description the event id, equal to the webhook-id header
                     */
                    id: string;
                    /** @constant */
                    type: "sso_connection.deleted";
                    /** Format: date-time */
                    created_at: string;
                    organization_id: string | null;
                    data: {
                        action: string;
                        actor: {
                            type: "user" | "api_key" | "system" | "directory";
                            user_id: string | null;
                            api_key_id: string | null;
                            email: string | null;
                        };
                        target: {
                            type: string;
                            id: string;
                        } | null;
                        attributes: {
                            [key: string]: unknown;
                        };
                        /** Format: uuid */
                        audit_log_id: string;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the server disables the endpoint and sends it nothing more */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received: any 2xx acknowledges the delivery (redirects are not followed and count as failures) */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer, a timeout or a refused connection: retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhooks.webhookTest": {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (the body’s `id`): the same on every retry; deduplicate on it. */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed; refuse one more than 5 minutes off. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per signing secret (two during a rotation’s overlap). Verify with `standardwebhooks`, `svix` or the SDKs’ verifier. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description the event id, equal to the webhook-id header
                     */
                    id: string;
                    /** @constant */
                    type: "webhook.test";
                    /** Format: date-time */
                    created_at: string;
                    organization_id: string | null;
                    data: {
                        /** Format: uuid */
                        endpoint_id: string;
                        message: string;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the server disables the endpoint and sends it nothing more */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received: any 2xx acknowledges the delivery (redirects are not followed and count as failures) */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer, a timeout or a refused connection: retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    "webhooks.auditEvent": {
        parameters: {
            query?: never;
            header: {
                /** @description The event id (the body’s `id`): the same on every retry; deduplicate on it. */
                "webhook-id": string;
                /** @description Seconds since the epoch when this attempt was signed; refuse one more than 5 minutes off. */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256 of id.timestamp.body>`, one per signing secret (two during a rotation’s overlap). Verify with `standardwebhooks`, `svix` or the SDKs’ verifier. */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description the event id, equal to the webhook-id header
                     */
                    id: string;
                    /** @constant */
                    type: "audit.event";
                    /** Format: date-time */
                    created_at: string;
                    organization_id: string | null;
                    data: {
                        /** Format: uuid */
                        id: string;
                        organization_id: string | null;
                        chain_key: string | null;
                        seq: number;
                        prev_hash: string | null;
                        hash: string | null;
                        action: string;
                        actor_type: string;
                        actor_user_id: string | null;
                        actor_api_key_id: string | null;
                        actor_email: string | null;
                        target_type: string | null;
                        target_id: string | null;
                        metadata: {
                            [key: string]: unknown;
                        };
                        ip_address: string | null;
                        user_agent: string | null;
                        request_id: string | null;
                        /** Format: date-time */
                        created_at: string;
                    };
                };
            };
        };
        responses: {
            /** @description Gone: the server disables the endpoint and sends it nothing more */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received: any 2xx acknowledges the delivery (redirects are not followed and count as failures) */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other answer, a timeout or a refused connection: retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
