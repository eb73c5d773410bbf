// The links inside an email's text body. Links to dashboard pages are rewritten to this page's
// origin: PUBLIC_URL may name another host (a proxy, a container name) while the developer reads
// the mail here, and the link should open the dashboard they are looking at.
export interface MailLink {
  /** what the person sees: the path and query, e.g. `/accept-invite?token=…` */
  label: string;
  href: string;
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"'`]+/g;
const DASHBOARD_PATH = /^\/(accept-invite|reset-password|verify-email|login|signup|forgot-password|account|orgs|admin|dev\/mailbox)(\/|$)/;

export function mailLinks(text: string | null, origin = window.location.origin): MailLink[] {
  if (!text) return [];
  const seen = new Set<string>();
  const links: MailLink[] = [];
  for (const match of text.match(URL_IN_TEXT) ?? []) {
    // a sentence's full stop or closing bracket is not part of the link
    const raw = match.replace(/[.,;:!?)\]]+$/, '');
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      continue;
    }
    const label = `${url.pathname}${url.search}${url.hash}`;
    const href = DASHBOARD_PATH.test(url.pathname) ? `${origin}${label}` : url.toString();
    if (seen.has(href)) continue;
    seen.add(href);
    links.push({ label, href });
  }
  return links;
}
