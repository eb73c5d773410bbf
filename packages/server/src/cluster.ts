// `saasready start --workers N`: N server processes on one port (node:cluster). The primary applies
// migrations once, forks the workers, replaces a worker that dies, and on SIGTERM/SIGINT asks every
// worker to shut down gracefully (each finishes its in-flight requests within its own deadline).
import cluster from 'node:cluster';
import type { Config } from './config.js';
import { openDatabase } from './db/client.js';
import { startServer } from './server.js';

export async function startCluster(config: Config, workers: number): Promise<void> {
  if (!cluster.isPrimary) {
    await startServer(config);
    return;
  }
  const database = await openDatabase(config);
  await database.migrate();
  await database.close();
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`worker ${worker.process.pid} exited (${signal ?? code}); starting a new one`);
    cluster.fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    setTimeout(() => process.exit(1), 15_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
