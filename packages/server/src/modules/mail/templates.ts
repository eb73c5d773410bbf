// Email templates: plain text and HTML for each kind of message. Every value that came from a user
// (names, organization names) is HTML-escaped; links are built from PUBLIC_URL only.

export type Template = 'invitation' | 'password_reset' | 'email_verification';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export interface Branding {
  productName: string;
  publicUrl: string;
}

export const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Strips line breaks from values that go into a subject line (header injection). */
const oneLine = (value: string): string => value.replace(/[\r\n]+/g, ' ').slice(0, 200);

function layout(brand: Branding, heading: string, paragraphs: string[], action: { label: string; url: string }, footer: string): string {
  return `<!doctype html>
<html><body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#f6f7f9;padding:24px;color:#1a1b1e">
<table role="presentation" style="max-width:520px;margin:auto;background:#fff;border-radius:8px;padding:32px">
<tr><td>
<p style="font-weight:600;color:#228be6;margin:0 0 16px">${escapeHtml(brand.productName)}</p>
<h1 style="font-size:20px;margin:0 0 16px">${heading}</h1>
${paragraphs.map((p) => `<p style="line-height:1.5">${p}</p>`).join('\n')}
<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="background:#228be6;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>
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

export function invitationEmail(brand: Branding, data: InvitationData): RenderedEmail {
  const url = `${brand.publicUrl}/accept-invite?token=${encodeURIComponent(data.token)}`;
  const expires = data.expiresAt.toUTCString();
  return {
    subject: oneLine(`${data.inviterName} invited you to ${data.organizationName} on ${brand.productName}`),
    text: `${data.inviterName} invited you to join ${data.organizationName} on ${brand.productName} as ${data.roleName}.

Accept the invitation: ${url}

The link works once and expires ${expires}. If you did not expect this, ignore this email.`,
    html: layout(
      brand,
      `Join ${escapeHtml(data.organizationName)}`,
      [`${escapeHtml(data.inviterName)} invited you to join <strong>${escapeHtml(data.organizationName)}</strong> on ${escapeHtml(brand.productName)} as <strong>${escapeHtml(data.roleName)}</strong>.`],
      { label: 'Accept invitation', url },
      `The link works once and expires ${escapeHtml(expires)}. If you did not expect this, ignore this email.`,
    ),
  };
}

export function passwordResetEmail(brand: Branding, data: { fullName: string; token: string }): RenderedEmail {
  const url = `${brand.publicUrl}/reset-password?token=${encodeURIComponent(data.token)}`;
  return {
    subject: oneLine(`Reset your ${brand.productName} password`),
    text: `Hi ${data.fullName},

Someone (hopefully you) asked to reset your ${brand.productName} password. Choose a new one here:
${url}

The link works once and expires in one hour. If you did not ask for this, ignore this email: your password stays as it is.`,
    html: layout(
      brand,
      'Reset your password',
      [`Hi ${escapeHtml(data.fullName)},`, `Someone (hopefully you) asked to reset your ${escapeHtml(brand.productName)} password.`],
      { label: 'Choose a new password', url },
      'The link works once and expires in one hour. If you did not ask for this, ignore this email.',
    ),
  };
}

export function verificationEmail(brand: Branding, data: { fullName: string; token: string }): RenderedEmail {
  const url = `${brand.publicUrl}/verify-email?token=${encodeURIComponent(data.token)}`;
  return {
    subject: oneLine(`Verify your email for ${brand.productName}`),
    text: `Hi ${data.fullName},

Confirm this is your email address: ${url}

The link expires in 24 hours.`,
    html: layout(
      brand,
      'Verify your email',
      [`Hi ${escapeHtml(data.fullName)},`, 'Confirm this is your email address.'],
      { label: 'Verify email', url },
      'The link expires in 24 hours.',
    ),
  };
}
