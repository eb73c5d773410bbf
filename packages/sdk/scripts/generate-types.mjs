#!/usr/bin/env node
// Regenerates packages/sdk/src/generated/openapi.ts from the server's OpenAPI document.
//
//   npm run generate -w @saasready/sdk                                 # builds the app in-process
//   SAASREADY_URL=http://localhost:8000 npm run generate -w @saasready/sdk   # asks a running server
//
// In-process mode imports the server compiled by `npx tsc -b` (packages/server/dist), builds the app
// on an in-memory PGlite database and reads `app.swagger()`: no port, no files, nothing left behind.
// The types-drift test (src/client/types-drift.test.ts) renders with the same `renderTypes`, so the
// committed file must be regenerated whenever the API changes.
import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const here = dirname(fileURLToPath(import.meta.url));
export const OUTPUT = resolve(here, '../src/generated/openapi.ts');

/** The first lines of the generated file; `stripHeader` removes exactly these. */
export const HEADER = `// generated — do not edit; npm run generate -w @saasready/sdk
// Source: the SaaSReady server's OpenAPI document (GET /openapi.json), rendered by openapi-typescript.
`;

/**
 * Renders an OpenAPI document to TypeScript (`paths`, `components`, `operations`), without the header.
 *
 * @param {object} document an OpenAPI 3.1 document, as served at `/openapi.json`
 * @returns {Promise<string>}
 */
export async function renderTypes(document) {
  // openapi-typescript may annotate the object it is given: hand it a copy
  const ast = await openapiTS(structuredClone(document), { silent: true });
  return astToString(ast);
}

/**
 * The committed file's body (everything after the header), for comparison with `renderTypes`.
 *
 * @param {string} text
 * @returns {string}
 */
export function stripHeader(text) {
  return text.startsWith(HEADER) ? text.slice(HEADER.length) : text;
}

/** Fetches `/openapi.json` from a running server. */
async function fromServer(baseUrl) {
  const url = new URL('/openapi.json', baseUrl);
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/** Builds the compiled server app on an in-memory database and asks it for its document. */
async function fromCompiledServer() {
  const serverDist = resolve(here, '../../server/dist');
  let appModule, configModule;
  try {
    appModule = await import(pathToFileURL(resolve(serverDist, 'app.js')).href);
    configModule = await import(pathToFileURL(resolve(serverDist, 'config.js')).href);
  } catch (err) {
    throw new Error(`cannot load the compiled server from ${serverDist}: run \`npx tsc -b\` at the repository root first (${err.message})`);
  }
  // Not production and no SMTP_URL: the same routes as the test app (the dev mailbox included).
  const config = configModule.loadConfig({ NODE_ENV: 'development', DATA_DIR: 'memory://', LOG_LEVEL: 'silent' }, () => {});
  const app = await appModule.buildApp(config, { outboxWorker: false });
  try {
    await app.ready();
    return app.swagger();
  } finally {
    await app.close();
  }
}

async function main() {
  const source = process.env.SAASREADY_URL;
  const document = source ? await fromServer(source) : await fromCompiledServer();
  const body = await renderTypes(document);
  await writeFile(OUTPUT, HEADER + body);
  const paths = Object.keys(document.paths ?? {}).length;
  console.log(`wrote ${OUTPUT} (${paths} paths, from ${source ? `${source}/openapi.json` : 'the compiled server in-process'})`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
