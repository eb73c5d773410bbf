// A DNS server on loopback (dns2, UDP) answering TXT queries from a map the test fills: point
// DNS_SERVERS at `address` and publish records with `txt.set(name, [value])`.
import dns2 from 'dns2';

export interface TestDnsServer {
  /** `127.0.0.1:<port>`, as DNS_SERVERS takes it */
  address: string;
  /** lower-case name → the TXT values published there */
  txt: Map<string, string[]>;
  close(): Promise<void>;
}

export async function startDnsServer(): Promise<TestDnsServer> {
  const { Packet } = dns2;
  const txt = new Map<string, string[]>();
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      for (const question of request.questions) {
        if (question.type !== Packet.TYPE.TXT) continue;
        for (const value of txt.get(question.name.toLowerCase()) ?? []) {
          response.answers.push({ name: question.name, type: Packet.TYPE.TXT, class: Packet.CLASS.IN, ttl: 1, data: value } as never);
        }
      }
      void send(response);
    },
  });
  const addresses = await server.listen({ udp: { port: 0, address: '127.0.0.1' } });
  return { address: `127.0.0.1:${addresses.udp!.port}`, txt, close: () => server.close() };
}
