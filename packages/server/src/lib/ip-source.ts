// The source a client's failed attempts are counted under. An IPv6 client usually holds a whole
// /64 (and can pick any address in it), so IPv6 sources are the /64 prefix; IPv4 (and IPv4-mapped
// IPv6) addresses stand alone.
import ipaddr from 'ipaddr.js';

export function ipSource(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip;
  const parsed = ipaddr.process(ip);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const prefix = (parsed as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16)).join(':');
  return `${prefix}::/64`;
}
