// Run the example: SAASREADY_URL=http://localhost:8000 node dist/server.js (listens on :3001)
import { buildProjectsApi } from './app.js';

const issuer = process.env.SAASREADY_URL ?? 'http://localhost:8000';
const app = buildProjectsApi({ issuer, acceptApiKeys: true });
await app.listen({ port: Number(process.env.PORT ?? 3001), host: '127.0.0.1' });
console.log(`projects API on http://127.0.0.1:${process.env.PORT ?? 3001}, trusting tokens from ${issuer}`);
