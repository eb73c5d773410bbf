// A TCP proxy in front of a real server, for fault tests: `cut()` behaves like the server going
// away (every open connection is reset, new ones are reset on arrival), `restore()` lets
// connections through again. The shared PostgreSQL of the test run is never touched.
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  /** the port the proxy listens on (127.0.0.1) */
  port: number;
  /** connections accepted and forwarded since start */
  readonly forwarded: number;
  /** connections reset on arrival while cut */
  readonly refused: number;
  /** resets every open connection, both sides; until restore() every new one is reset on arrival */
  cut(): void;
  /** a silent partition: open connections stay open but nothing more crosses them, either way */
  stall(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  const pairs = new Set<[Socket, Socket]>();
  let isCut = false;
  let forwarded = 0;
  let refused = 0;

  const track = (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    // a reset on one side is expected here; it only has to end the other side too
    socket.on('error', () => {});
  };

  const server: Server = createServer((client) => {
    if (isCut) {
      refused++;
      client.on('error', () => {});
      client.resetAndDestroy();
      return;
    }
    forwarded++;
    const upstream = createConnection(target);
    track(client);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    client.once('close', () => pairs.delete(pair));
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    port,
    get forwarded() {
      return forwarded;
    },
    get refused() {
      return refused;
    },
    cut() {
      isCut = true;
      for (const socket of open) socket.resetAndDestroy();
    },
    stall() {
      for (const [client, upstream] of pairs) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.pause();
        upstream.pause();
      }
    },
    restore() {
      isCut = false;
    },
    close() {
      for (const socket of open) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
