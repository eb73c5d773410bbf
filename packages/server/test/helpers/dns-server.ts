// A real DNS server on loopback (UDP, node:dgram) for tests: point DNS_SERVERS at `address`. TXT
// records come from a map the test fills (`txt.set(name, [value])`, domain verification); A and AAAA
// answers from `answer(name, type, n)` for the n-th query of that name and type (1-based), so a test
// can change the answer between two queries (DNS rebinding). Nothing is cached (TTL 0). Written on
// node:dgram because the DNS server packages on npm need Node 22, and we run on 20.
import { createSocket } from 'node:dgram';
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

const TYPE = { A: 1, TXT: 16, AAAA: 28 } as const;

/** One answer record pointing back at the question's name (compression pointer 0xc00c). */
function record(type: number, data: Buffer): Buffer {
  const head = Buffer.alloc(12);
  head.writeUInt16BE(0xc00c, 0);
  head.writeUInt16BE(type, 2);
  head.writeUInt16BE(1, 4); // IN
  head.writeUInt32BE(0, 6); // TTL 0: never cached
  head.writeUInt16BE(data.length, 10);
  return Buffer.concat([head, data]);
}

/** TXT data: the value as character-strings of at most 255 bytes each. */
function txtData(value: string): Buffer {
  const bytes = Buffer.from(value, 'utf8');
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length || i === 0; i += 255) {
    const chunk = bytes.subarray(i, i + 255);
    parts.push(Buffer.from([chunk.length]), chunk);
  }
  return Buffer.concat(parts);
}

export async function startDnsServer(answer: AddressAnswer = () => []): Promise<DnsServer> {
  const socket = createSocket('udp4');
  const txt = new Map<string, string[]>();
  const queries = new Map<string, number>();
  socket.on('message', (message, remote) => {
    // header (12 bytes), then the question: labels, qtype, qclass
    let offset = 12;
    const labels: string[] = [];
    while (offset < message.length && message[offset]! !== 0) {
      const length = message[offset]!;
      labels.push(message.subarray(offset + 1, offset + 1 + length).toString('ascii'));
      offset += length + 1;
    }
    offset += 1;
    if (offset + 4 > message.length) return;
    const qtype = message.readUInt16BE(offset);
    const question = message.subarray(12, offset + 4);
    const name = labels.join('.').toLowerCase();
    let records: Buffer[] = [];
    if (qtype === TYPE.TXT) records = (txt.get(name) ?? []).map((value) => record(TYPE.TXT, txtData(value)));
    else if (qtype === TYPE.A || qtype === TYPE.AAAA) {
      const type = qtype === TYPE.A ? 'A' : 'AAAA';
      const n = (queries.get(`${name}/${type}`) ?? 0) + 1;
      queries.set(`${name}/${type}`, n);
      records = answer(name, type, n)
        .filter((a) => (type === 'A' ? ipaddr.IPv4.isValid(a) : ipaddr.IPv6.isValid(a) && !ipaddr.IPv4.isValid(a)))
        .map((a) => record(qtype, Buffer.from(ipaddr.parse(a).toByteArray())));
    }
    const header = Buffer.alloc(12);
    message.copy(header, 0, 0, 2); // id
    header.writeUInt16BE(0x8180, 2); // response, recursion desired and available, no error
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(records.length, 6);
    socket.send(Buffer.concat([header, question, ...records]), remote.port, remote.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${socket.address().port}`,
    txt,
    queries,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
