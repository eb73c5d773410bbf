// The branding from the server's configuration, which it writes into the page's <meta> tags (the CSP
// allows no inline script): PRODUCT_NAME in application-name, PRODUCT_LOGO_URL in saasready-logo,
// PRODUCT_COLOR in theme-color. SaaSReady and no logo or colour when run without them (vite dev).
const meta = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '';

export const PRODUCT_NAME: string = meta('application-name') || 'SaaSReady';

/** https, or a path on this server; anything else (the server validated it already) is ignored */
export const PRODUCT_LOGO_URL: string | null = (() => {
  const raw = meta('saasready-logo');
  if (/^\/(?!\/)/.test(raw)) return raw;
  try {
    return new URL(raw).protocol === 'https:' ? raw : null;
  } catch {
    return null;
  }
})();

/** #rrggbb: used for the brand mark and accent bars, never for text (its contrast is the operator's choice) */
export const PRODUCT_COLOR: string | null = /^#[0-9a-fA-F]{6}$/.test(meta('theme-color')) ? meta('theme-color') : null;
