// Domains where anyone can get an address: claiming one would let an organization's IdP speak for
// strangers. Not exhaustive; the big consumer providers and their regional spellings.
export const PUBLIC_EMAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com', 'googlemail.com', 'google.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'hotmail.fr', 'hotmail.de', 'live.com', 'live.co.uk',
  'msn.com', 'microsoft.com', 'yahoo.com', 'yahoo.co.uk', 'yahoo.fr', 'yahoo.de', 'yahoo.co.jp', 'ymail.com', 'rocketmail.com', 'aol.com', 'icloud.com', 'me.com',
  'mac.com', 'proton.me', 'protonmail.com', 'pm.me', 'gmx.com', 'gmx.de', 'gmx.net', 'web.de', 'mail.com', 'mail.ru', 'yandex.com', 'yandex.ru',
  'zoho.com', 'tutanota.com', 'tuta.io', 'fastmail.com', 'hey.com', 'qq.com', '163.com', '126.com', 'naver.com', 'daum.net', 'orange.fr',
  'free.fr', 'laposte.net', 't-online.de', 'libero.it', 'seznam.cz', 'wp.pl', 'o2.pl', 'comcast.net', 'verizon.net', 'att.net', 'example.com',
]);
