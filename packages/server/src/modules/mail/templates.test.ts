// User-supplied text in emails (issue 15, item 13): quoted, labelled as a user's words, one line,
// no control or bidi characters, never in the subject beyond the quoted organization name.
import { describe, expect, it } from 'vitest';
import { invitationEmail, passwordResetEmail, verificationEmail } from './templates.js';

const brand = { productName: 'SaaSReady', publicUrl: 'https://auth.example.test' };
const expiresAt = new Date('2030-01-01T00:00:00Z');

describe('email templates', () => {
  it('quote the organization, inviter and role names of an invitation and say who wrote them', () => {
    const mail = invitationEmail(brand, { inviterName: 'Jane Founder', organizationName: 'Acme <Corp>', roleName: 'Admin', token: 'tok', expiresAt });
    expect(mail.subject).toBe('Invitation to join “Acme <Corp>” on SaaSReady');
    expect(mail.text).toContain('Organization: “Acme <Corp>”');
    expect(mail.text).toContain('Invited by: “Jane Founder”');
    expect(mail.text).toContain('Role: “Admin”');
    expect(mail.text).toContain('Names in quotes were written by users of SaaSReady');
    expect(mail.html).toContain('“Acme &lt;Corp&gt;”');
    expect(mail.html).not.toContain('<Corp>');
  });

  it('flatten line breaks, control and bidi characters from rows stored before the schemas refused them', () => {
    const organizationName = 'Acme\r\nBcc: victim@example.test\u0085\u2028Your account is locked.\u202Eevil';
    const inviterName = 'Evil\nSupport team:\u0007 reset your password at https://evil.example';
    const mail = invitationEmail(brand, { inviterName, organizationName, roleName: 'Member\u2029', token: 'tok', expiresAt });
    const unsafe = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
    expect(mail.subject).not.toMatch(unsafe);
    expect(mail.subject).not.toContain('Support team');
    expect(mail.subject.startsWith('Invitation to join “Acme Bcc: victim@example.test Your account is locked')).toBe(true);
    // every user-written line stays inside its quotes, on its labelled line
    const lines = mail.text.split('\n');
    expect(lines).toContain('Organization: “Acme Bcc: victim@example.test Your account is locked. evil”');
    expect(lines).toContain('Invited by: “Evil Support team: reset your password at https://evil.example”');
    expect(lines.filter((line) => line.includes('Support team'))).toHaveLength(1);
    expect(mail.text.replace(/\n/g, '')).not.toMatch(unsafe);
    expect(mail.html.replace(/\n/g, '')).not.toMatch(unsafe);
  });

  it('shorten long names and never show the stored full name in reset and verification emails', () => {
    const mail = invitationEmail(brand, { inviterName: 'x'.repeat(500), organizationName: 'O'.repeat(500), roleName: 'R', token: 'tok', expiresAt });
    expect(mail.subject.length).toBeLessThan(100);
    expect(mail.text).toContain(`Invited by: “${'x'.repeat(79)}…”`);
    for (const render of [passwordResetEmail, verificationEmail]) {
      const m = render(brand, { fullName: 'Evil\nClick https://evil.example', token: 'tok' });
      expect(`${m.subject}${m.text}${m.html}`).not.toContain('evil.example');
    }
  });

  it('carry the configured name, logo (absolute, escaped) and accent colour, with readable button text', () => {
    const branded = { productName: 'Northwind <Auth>', publicUrl: 'https://auth.northwind.test', logoUrl: '/brand/logo.svg', color: '#ffd43b' };
    const mail = passwordResetEmail(branded, { fullName: 'Ann', token: 'tok' });
    expect(mail.subject).toBe('Reset your Northwind <Auth> password');
    expect(mail.html).toContain('<img src="https://auth.northwind.test/brand/logo.svg" alt=""');
    expect(mail.html).toContain('color:#ffd43b;margin:0 0 16px');
    // a light accent gets dark text on the button, a dark one white
    expect(mail.html).toContain('background:#ffd43b;color:#1a1b1e');
    expect(passwordResetEmail({ ...branded, color: '#0b3d91' }, { fullName: 'Ann', token: 'tok' }).html).toContain('background:#0b3d91;color:#ffffff');
    expect(mail.html).toContain('Northwind &lt;Auth&gt;');
    // a value config.ts would refuse never reaches a style attribute
    const forged = passwordResetEmail({ ...branded, color: 'red;background:url(https://evil.test)', logoUrl: 'https://cdn.test/a.svg?"onerror="x' }, { fullName: 'Ann', token: 'tok' });
    expect(forged.html).not.toContain('evil.test');
    expect(forged.html).toContain('background:#228be6');
    expect(forged.html).not.toContain('"onerror="');
    // without branding: the default colour and no image
    expect(passwordResetEmail(brand, { fullName: 'Ann', token: 'tok' }).html).not.toContain('<img');
  });
});
