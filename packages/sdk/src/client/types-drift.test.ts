// The committed src/generated/openapi.ts must be what openapi-typescript renders from the server's
// current /openapi.json. When this fails, the API changed: run `npm run generate -w @saasready/sdk`
// (after `npx tsc -b`) and commit the result.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '@saasready/test-kit';
import { HEADER, OUTPUT, renderTypes, stripHeader } from '../../scripts/generate-types.mjs';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('matches the server’s OpenAPI document (regenerate with: npm run generate -w @saasready/sdk)', async () => {
  const response = await fetch(`${t.baseUrl}/openapi.json`);
  expect(response.status).toBe(200);
  const rendered: string = await renderTypes(await response.json());
  const file: string = await readFile(OUTPUT, 'utf8');
  expect(file.startsWith(HEADER), 'the generated file lost its header').toBe(true);
  const committed: string = stripHeader(file);
  if (committed !== rendered) {
    const a = committed.split('\n');
    const b = rendered.split('\n');
    const line = a.findIndex((text, i) => text !== b[i]);
    const at = line === -1 ? a.length : line;
    expect.fail(
      `src/generated/openapi.ts is stale: first difference at body line ${at + 1}\n` +
        `  committed: ${JSON.stringify(a[at] ?? '<end of file>')}\n` +
        `  server:    ${JSON.stringify(b[at] ?? '<end of file>')}\n` +
        'Run `npx tsc -b && npm run generate -w @saasready/sdk` and commit the file.',
    );
  }
});
