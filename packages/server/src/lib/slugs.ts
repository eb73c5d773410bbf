// Organization slugs: lower-case a-z0-9 and dashes, 3–48 characters, never a reserved word.

export const RESERVED_SLUGS = new Set([
  'api', 'admin', 'www', 'app', 'auth', 'login', 'logout', 'register', 'signup', 'signin', 'settings', 'docs',
  'static', 'assets', 'help', 'support', 'status', 'about', 'mail', 'email', 'root', 'system', 'dashboard',
  'billing', 'security', 'new', 'null', 'undefined', 'me', 'orgs', 'org', 'invite', 'invitations', 'health',
]);

export const SLUG_PATTERN = '^[a-z0-9](?:[a-z0-9-]{1,46})[a-z0-9]$';
const SLUG_RE = new RegExp(SLUG_PATTERN);

export const isValidSlug = (slug: string): boolean => SLUG_RE.test(slug) && !slug.includes('--') && !RESERVED_SLUGS.has(slug);

/** Derives a slug from a name: "Jane Fönder & Co" → "jane-fonder-co". Always valid (padded when short or reserved). */
export function slugify(name: string): string {
  let slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  if (!slug) return 'organization';
  if (slug.length < 3 || RESERVED_SLUGS.has(slug)) slug = `${slug}-org`;
  return slug;
}

/** The candidates tried in order when the base slug is taken: base, base-2, base-3, …, then random suffixes. */
export function* slugCandidates(base: string): Generator<string> {
  yield base;
  // keep every candidate within 48 characters: shorten the base to leave room for the suffix
  const stem = (suffix: string) => `${base.slice(0, 48 - suffix.length).replace(/-+$/, '')}${suffix}`;
  for (let n = 2; n <= 9; n++) yield stem(`-${n}`);
  for (;;) yield stem(`-${Math.random().toString(36).slice(2, 8).padEnd(6, '0')}`);
}
