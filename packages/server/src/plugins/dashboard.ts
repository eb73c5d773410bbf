// Serves the admin dashboard (packages/admin, built by `npm ci`/`npm run build`) at `/` on the same
// origin as the API, which its refresh cookie and CSRF double-submit rely on. The dashboard's own
// paths answer with its page; an unknown path that a browser navigates to (GET, Accept: text/html,
// outside /api/ and /assets/) gets the page too, with status 404, so the dashboard shows its own
// "Page not found"; every other miss stays a 404 problem document. Without a build, `/` says how
// to make one and the API works as before.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Answers a browser's navigation to an unknown path with the dashboard (status 404); undefined
     * when the request is not one (API clients, assets, other methods) or there is no build.
     */
    dashboardNotFound?: (request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined;
  }
}

/** packages/server/dist/plugins → packages/admin/dist */
export const DEFAULT_DASHBOARD_DIR = fileURLToPath(new URL('../../../admin/dist/', import.meta.url));

/** The client-side routes of the dashboard (react-router), answered with its index.html. */
const PAGES = [
  '/', '/login', '/signup', '/forgot-password', '/reset-password', '/verify-email', '/accept-invite', '/account', '/dev/mailbox',
  '/orgs/*', '/admin/*',
];

/**
 * The page runs only our own bundled script; Mantine sets inline styles, the 2FA QR code is a data: image.
 * `connect-src 'self'`: the page talks to this server only.
 */
const csp = (logoOrigin?: string) => [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", `img-src 'self' data:${logoOrigin ? ` ${logoOrigin}` : ''}`, "font-src 'self' data:",
  "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>SaaSReady</title>
<p>The dashboard is not built. Run <code>npm run build</code> (or <code>npm ci</code>, which builds it) and restart.
The API is at <a href="/docs">/docs</a>.</p>`;

/** `<`, `>`, `&` and quotes as entities: the product name is configuration, not markup. */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface Brand {
  productName?: string;
  /** validated by config.ts: https, or a path on this server */
  logoUrl?: string;
  /** validated by config.ts: #rrggbb */
  color?: string;
}

/**
 * The built page with the configured branding, where the dashboard reads it (the CSP allows no inline
 * script): the product name (PRODUCT_NAME) as its title and `<meta name="application-name">`, the logo
 * (PRODUCT_LOGO_URL) in `<meta name="saasready-logo">`, the accent (PRODUCT_COLOR) in
 * `<meta name="theme-color">`. Every value is an attribute, HTML-escaped.
 */
function withBrand(html: string, { productName = 'SaaSReady', logoUrl, color }: Brand): string {
  const name = escapeHtml(productName);
  const metas = [
    `<meta name="application-name" content="${name}" />`,
    ...(logoUrl ? [`<meta name="saasready-logo" content="${escapeHtml(logoUrl)}" />`] : []),
    ...(color && /^#[0-9a-fA-F]{6}$/.test(color) ? [`<meta name="theme-color" content="${color}" />`] : []),
  ];
  // replacer functions: a `$&` in the name is text, not a replacement pattern
  return html
    .replace(/<title>[^<]*<\/title>/, () => `<title>${name}</title>`)
    .replace('</head>', () => `  ${metas.join('\n  ')}\n  </head>`);
}

export default fp<{ dir?: string } & Brand>(
  async (app, { dir = DEFAULT_DASHBOARD_DIR, ...brand }) => {
    const indexFile = path.join(dir, 'index.html');
    const built = existsSync(indexFile);
    const indexHtml = built ? Buffer.from(withBrand(readFileSync(indexFile, 'utf8'), brand)) : Buffer.from(NOT_BUILT);
    // an https logo elsewhere is the one other origin the page may load an image from
    const CSP = csp(brand.logoUrl && !brand.logoUrl.startsWith('/') ? new URL(brand.logoUrl).origin : undefined);

    const sendPage = (reply: FastifyReply, status: number) =>
      reply.header('content-security-policy', CSP).header('cache-control', 'no-cache').type('text/html; charset=utf-8').code(status).send(indexHtml);

    app.decorate('dashboardNotFound', (request: FastifyRequest, reply: FastifyReply) => {
      if (!built || (request.method !== 'GET' && request.method !== 'HEAD')) return undefined;
      const path = request.url.split('?')[0] ?? '';
      if (path.startsWith('/api/') || path.startsWith('/assets/')) return undefined;
      if (!(request.headers.accept ?? '').includes('text/html')) return undefined;
      return sendPage(reply, 404);
    });

    await app.register(async (ui) => {
      // these routes carry no credentials and return HTML or files, not API documents
      ui.addHook('onRoute', (route) => {
        route.config = { ...(route.config ?? {}), public: true, internal: true };
      });
      if (built) {
        await ui.register(fastifyStatic, {
          root: path.join(dir, 'assets'),
          prefix: '/assets/',
          decorateReply: false,
          index: false,
          // file names carry a content hash: a changed file is a new URL
          immutable: true,
          maxAge: '365d',
        });
      }
      for (const url of PAGES) {
        ui.get(url, { schema: { hide: true } }, async (_request, reply) => sendPage(reply, built ? 200 : 503));
      }
    });
  },
  { name: 'dashboard' },
);
