// A real DNS server on loopback (dns2, UDP) for tests: point DNS_SERVERS at `address`. TXT records
// come from a map the test fills (`txt.set(name, [value])`, domain verification); A and AAAA answers
// from `answer(name, type, n)` for the n-th query of that name and type (1-based), so a test can
// change the answer between two queries (DNS rebinding). Nothing is cached (TTL 0).
import { isIPv4, isIPv6 } from 'node:net';
import dns2 from 'dns2';
import ipaddr from 'ipaddr.js';

export interface DnsServer {
  /** `127.0.0.1:<port>`, as DNS_SERVERS takes it */
  address: string;
  /** lower-case name → the TXT values published there */
  txt: Map<string, string[]>;
  /** how many queries each `name/type` received (type: A or AAAA) */
  queries: Map<string, number>;
  close(): Promise<void>;
}
/** the name the domain tests know it by */
export type TestDnsServer = DnsServer;

export type AddressAnswer = (name: string, type: 'A' | 'AAAA', n: number) => string[];

export async function startDnsServer(answer: AddressAnswer = () => []): Promise<DnsServer> {
  const { Packet } = dns2;
  const txt = new Map<string, string[]>();
  const queries = new Map<string, number>();
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      for (const question of request.questions) {
        const name = question.name.toLowerCase();
        if (question.type === Packet.TYPE.TXT) {
          for (const value of txt.get(name) ?? []) response.answers.push({ name: question.name, type: Packet.TYPE.TXT, class: Packet.CLASS.IN, ttl: 0, data: value } as never);
          continue;
        }
        const type = question.type === Packet.TYPE.A ? 'A' : question.type === Packet.TYPE.AAAA ? 'AAAA' : null;
        if (!type) continue;
        const n = (queries.get(`${name}/${type}`) ?? 0) + 1;
        queries.set(`${name}/${type}`, n);
        // dns2 packs only hexadecimal groups: `::ffff:127.0.0.1` went out as ::255.255.1.39, so every
        // IPv6 answer is written out in full first (0:0:0:0:0:ffff:7f00:1)
        const addresses = answer(name, type, n).filter((a) => (type === 'A' ? isIPv4(a) : isIPv6(a))).map((a) => (type === 'AAAA' ? ipaddr.IPv6.parse(a).toNormalizedString() : a));
        for (const address of addresses) {
          response.answers.push({ name: question.name, type: question.type, class: Packet.CLASS.IN, ttl: 0, address } as never);
        }
      }
      void send(response);
    },
  });
  const addresses = await server.listen({ udp: { port: 0, address: '127.0.0.1' } });
  return { address: `127.0.0.1:${addresses.udp!.port}`, txt, queries, close: () => server.close() };
}
