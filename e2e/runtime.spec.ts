import { expect, test } from '@playwright/test';
import { nodeMajor, SUPPORTED_NODE_MAJOR } from '../scripts/runtime/supportedNode.mjs';

// The server and the build of the e2e site ran on the supported Node.js, not on whatever `node`
// the machine has (scripts/runtime/supportedNode.mjs; docs/operations.md, "Node.js").
test('the site is built and served on the supported Node.js major, and says so in /api/health', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  const { runtime } = (await response.json()) as { runtime: { node: string; builtWith?: string } };
  expect(runtime.node).toMatch(/^v\d+\.\d+\.\d+$/);
  expect(nodeMajor(runtime.node), `served by Node.js ${runtime.node}`).toBeGreaterThanOrEqual(SUPPORTED_NODE_MAJOR);
  expect(nodeMajor(runtime.builtWith ?? ''), `built by Node.js ${runtime.builtWith}`).toBeGreaterThanOrEqual(SUPPORTED_NODE_MAJOR);
  // This runner too: it starts the servers of the cluster test with its own binary.
  expect(nodeMajor(process.version)).toBeGreaterThanOrEqual(SUPPORTED_NODE_MAJOR);
});
