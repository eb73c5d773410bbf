// The server of the mixed-traffic bench, in processes of its own: what `saasready start --workers N`
// runs (cluster.ts's startCluster for N > 1, server.ts's startServer for 1), from the environment,
// with one difference: rate limits off, since every request of the bench comes from one IP.
// BENCH_SERVE_WORKERS gives N.
import { loadConfig } from '@saasready/server/internal/config.js';
import { startCluster } from '@saasready/server/internal/cluster.js';
import { startServer } from '@saasready/server/internal/server.js';

const config = loadConfig(process.env);
config.rateLimit.enabled = false;
const workers = Number(process.env.BENCH_SERVE_WORKERS ?? '1');
if (workers > 1) await startCluster(config, workers);
else await startServer(config);
