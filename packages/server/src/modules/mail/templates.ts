// Email templates: plain text and HTML for each kind of message. Every value that came from a user
// (names, organization names, role names) is flattened to one line without control or bidi
// characters (rows written before the schemas refused them included), shortened, put in quotes and
// labelled as what a user wrote, and HTML-escaped: it can never pass for our own words, forge a
// header or a paragraph. The subject carries at most the quoted organization name; links are built
// from PUBLIC_URL only.

export type Template = 'invitation' | 'password_reset' | 'email_verification' | 'password_changed' | 'webhook_disabled';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export interface Branding {
  productName: string;
  publicUrl: string;
  /** PRODUCT_LOGO_URL (https, or a path on PUBLIC_URL) */
  logoUrl?: string;
  /** PRODUCT_COLOR, #rrggbb (validated by config.ts) */
  color?: string;
}

const DEFAULT_COLOR = '#228be6';
/** #rrggbb only: anything else (it cannot come from config.ts) falls back rather than reach a style attribute */
const colorOf = (brand: Branding) => (brand.color && /^#[0-9a-fA-F]{6}$/.test(brand.color) ? brand.color : DEFAULT_COLOR);
/** White or near-black text, whichever reads better on the colour (WCAG relative luminance). */
function textOn(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return (1.05 / (luminance + 0.05)) >= ((luminance + 0.05) / 0.05) ? '#ffffff' : '#1a1b1e';
}
/** The logo as an absolute address (mail clients have no origin to resolve a path against). */
const logoOf = (brand: Branding): string | undefined => (brand.logoUrl ? new URL(brand.logoUrl, `${brand.publicUrl}/`).toString() : undefined);

export const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Control characters (C0, C1), line and paragraph separators, bidi embeddings/overrides/isolates. */
const UNSAFE_CHARACTERS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]+/gu;

/** Strips line breaks and control characters from values that go into a subject line (header injection). */
const oneLine = (value: string): string => value.replace(UNSAFE_CHARACTERS, ' ').replace(/\s+/gu, ' ').trim().slice(0, 200);

/**
 * User-supplied text as an email may show it: one line, no control or bidi characters, at most
 * `max` characters (cut on a code point, with an ellipsis).
 */
export function userText(value: string | null | undefined, max = 80): string {
  const flat = oneLine(value ?? '');
  const chars = [...flat];
  return chars.length > max ? `${chars.slice(0, max - 1).join('').trimEnd()}…` : flat;
}

/** User-supplied text in quotes, so it reads as a name someone typed, never as our words. */
export const quoted = (value: string | null | undefined, max = 80): string => `“${userText(value, max) || '(no name)'}”`;

function layout(brand: Branding, heading: string, paragraphs: string[], action: { label: string; url: string }, footer: string): string {
  return `<!doctype html>
<html><body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#f6f7f9;padding:24px;color:#1a1b1e">
<table role="presentation" style="max-width:520px;margin:auto;background:#fff;border-radius:8px;padding:32px">
<tr><td>
<p style="font-weight:600;color:${colorOf(brand)};margin:0 0 16px">${logoOf(brand) ? `<img src="${escapeHtml(logoOf(brand)!)}" alt="" height="32" style="height:32px;vertical-align:middle;margin-right:8px;border:0">` : ''}${escapeHtml(brand.productName)}</p>
<h1 style="font-size:20px;margin:0 0 16px">${heading}</h1>
${paragraphs.map((p) => `<p style="line-height:1.5">${p}</p>`).join('\n')}
<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="background:${colorOf(brand)};color:${textOn(colorOf(brand))};padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>
<p style="font-size:13px;color:#666;line-height:1.5">Or paste this link into your browser:<br>${escapeHtml(action.url)}</p>
<p style="font-size:13px;color:#666">${footer}</p>
</td></tr></table></body></html>`;
}

export interface InvitationData {
  inviterName: string;
  organizationName: string;
  roleName: string;
  token: string;
  expiresAt: Date;
}

/** The dashboard's accept link for an invitation token: emailed, and handed to the inviter as `accept_url`. */
export const invitationAcceptUrl = (brand: Pick<Branding, 'publicUrl'>, token: string): string =>
  `${brand.publicUrl}/accept-invite?token=${encodeURIComponent(token)}`;

export function invitationEmail(brand: Branding, data: InvitationData): RenderedEmail {
  const url = invitationAcceptUrl(brand, data.token);
  const expires = data.expiresAt.toUTCString();
  const organization = quoted(data.organizationName);
  const inviter = quoted(data.inviterName);
  const role = quoted(data.roleName, 64);
  const product = oneLine(brand.productName);
  const note = `Names in quotes were written by users of ${product}, not by ${product}.`;
  return {
    subject: oneLine(`Invitation to join ${quoted(data.organizationName, 60)} on ${product}`),
    text: `You have been invited to join an organization on ${product}.

Organization: ${organization}
Invited by: ${inviter}
Role: ${role}

${note}

Accept the invitation: ${url}

The link works once and expires ${expires}. If you did not expect this, ignore this email.`,
    html: layout(
      brand,
      'You have been invited to join an organization',
      [
        `Organization: <strong>${escapeHtml(organization)}</strong><br>Invited by: ${escapeHtml(inviter)}<br>Role: <strong>${escapeHtml(role)}</strong>`,
        `<span style="font-size:13px;color:#666">${escapeHtml(note)}</span>`,
      ],
      { label: 'Accept invitation', url },
      `The link works once and expires ${escapeHtml(expires)}. If you did not expect this, ignore this email.`,
    ),
  };
}

/** `fullName` is not shown: whoever registered the address typed it (so with verification emails). */
export function passwordResetEmail(brand: Branding, data: { fullName: string; token: string }): RenderedEmail {
  const url = `${brand.publicUrl}/reset-password?token=${encodeURIComponent(data.token)}`;
  return {
    subject: oneLine(`Reset your ${brand.productName} password`),
    text: `Hello,

Someone (hopefully you) asked to reset your ${brand.productName} password. Choose a new one here:
${url}

The link works once and expires in one hour. If you did not ask for this, ignore this email: your password stays as it is.`,
    html: layout(
      brand,
      'Reset your password',
      ['Hello,', `Someone (hopefully you) asked to reset your ${escapeHtml(brand.productName)} password.`],
      { label: 'Choose a new password', url },
      'The link works once and expires in one hour. If you did not ask for this, ignore this email.',
    ),
  };
}

export function verificationEmail(brand: Branding, data: { fullName: string; token: string }): RenderedEmail {
  const url = `${brand.publicUrl}/verify-email?token=${encodeURIComponent(data.token)}`;
  return {
    subject: oneLine(`Verify your email for ${brand.productName}`),
    text: `Hello,

Confirm this is your email address: ${url}

The link expires in 24 hours.`,
    html: layout(
      brand,
      'Verify your email',
      ['Hello,', 'Confirm this is your email address.'],
      { label: 'Verify email', url },
      'The link expires in 24 hours.',
    ),
  };
}

/**
 * After a password reset. When two-factor stays on, says so and how to recover: a reset proves the
 * inbox, not the authenticator, so it never removes a second factor — but it must not keep one an
 * attacker enrolled without the owner hearing of it.
 */
export function passwordChangedEmail(brand: Branding, data: { twoFactorEnrolledAt: Date | null }): RenderedEmail {
  const url = `${brand.publicUrl}/login`;
  const twoFactor = data.twoFactorEnrolledAt
    ? `Two-factor authentication stays on for this account (enrolled ${data.twoFactorEnrolledAt.toISOString().slice(0, 10)}): you will need a code from your authenticator app or one of your backup codes to log in. If you did not enrol it, log in with a backup code and turn it off, or ask your ${brand.productName} administrator to reset it.`
    : null;
  const paragraphs = [`Your ${brand.productName} password was just reset, and every session was signed out.`, ...(twoFactor ? [twoFactor] : [])];
  const warning = 'If you did not do this, reset your password again at once and tell your administrator.';
  return {
    subject: oneLine(`Your ${brand.productName} password was reset`),
    text: `Hello,\n\n${paragraphs.join('\n\n')}\n\n${warning}\n${url}`,
    html: layout(brand, 'Your password was reset', ['Hello,', ...paragraphs.map(escapeHtml)], { label: 'Log in', url }, escapeHtml(warning)),
  };
}

/**
 * To an organization's Owners when the server turned a webhook endpoint off after failing for days.
 * The URL is user-supplied: quoted and flattened, never a link.
 */
export function webhookDisabledEmail(brand: Branding, data: { organizationName: string; url: string; failingSince: Date }): RenderedEmail {
  const settings = `${brand.publicUrl}/`;
  const paragraphs = [
    `A webhook endpoint of ${quoted(data.organizationName)} has failed every delivery since ${data.failingSince.toISOString()}, so ${brand.productName} turned it off.`,
    `Endpoint: ${quoted(data.url, 200)}`,
    'Events are no longer sent to it. Fix the receiver, then turn the endpoint back on in the dashboard: deliveries that were still pending resume in order.',
  ];
  return {
    subject: oneLine(`A webhook endpoint of ${quoted(data.organizationName)} was turned off`),
    text: `Hello,\n\n${paragraphs.join('\n\n')}\n${settings}`,
    html: layout(brand, 'A webhook endpoint was turned off', ['Hello,', ...paragraphs.map(escapeHtml)], { label: 'Open the dashboard', url: settings }, ''),
  };
}
