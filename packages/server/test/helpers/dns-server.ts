// A real DNS server on loopback (UDP) for tests that need names to resolve to chosen addresses, or
// to change their answer between two queries (DNS rebinding). Point the server at it with
// DNS_SERVERS=127.0.0.1:<port>.
import { createSocket } from 'node:dgram';
import ipaddr from 'ipaddr.js';

export interface DnsServer {
  /** `127.0.0.1:<port>` */
  address: string;
  /** how many queries each `name/type` received (type: A or AAAA) */
  queries: Map<string, number>;
  close(): Promise<void>;
}

/** `answer(name, type, n)` gives the addresses for the n-th query (1-based) of that name and type. */
export async function startDnsServer(answer: (name: string, type: 'A' | 'AAAA', n: number) => string[]): Promise<DnsServer> {
  const socket = createSocket('udp4');
  const queries = new Map<string, number>();
  socket.on('message', (message, remote) => {
    // header (12 bytes), then the question: labels, qtype, qclass
    let offset = 12;
    const labels: string[] = [];
    while (message[offset]! !== 0) {
      const length = message[offset]!;
      labels.push(message.subarray(offset + 1, offset + 1 + length).toString('ascii'));
      offset += length + 1;
    }
    offset += 1;
    const qtype = message.readUInt16BE(offset);
    const question = message.subarray(12, offset + 4);
    const name = labels.join('.').toLowerCase();
    const type = qtype === 28 ? 'AAAA' : qtype === 1 ? 'A' : null;
    const key = `${name}/${type}`;
    const n = (queries.get(key) ?? 0) + 1;
    queries.set(key, n);
    const addresses = type ? answer(name, type, n).filter((a) => (type === 'A' ? ipaddr.IPv4.isValid(a) : ipaddr.IPv6.isValid(a) && !ipaddr.IPv4.isValid(a))) : [];
    const header = Buffer.alloc(12);
    message.copy(header, 0, 0, 2); // id
    header.writeUInt16BE(0x8180, 2); // response, recursion desired and available, no error
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(addresses.length, 6);
    const records = addresses.map((a) => {
      const bytes = Buffer.from(ipaddr.parse(a).toByteArray());
      const record = Buffer.alloc(12);
      record.writeUInt16BE(0xc00c, 0); // the question's name
      record.writeUInt16BE(qtype, 2);
      record.writeUInt16BE(1, 4); // IN
      record.writeUInt32BE(0, 6); // TTL 0: never cached
      record.writeUInt16BE(bytes.length, 10);
      return Buffer.concat([record, bytes]);
    });
    socket.send(Buffer.concat([header, question, ...records]), remote.port, remote.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${socket.address().port}`,
    queries,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
