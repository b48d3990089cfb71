import { describe, expect, it } from 'vitest';
import manifest from '../package.json';
import { nodeMajor, nodeVersionProblem, SUPPORTED_NODE_MAJOR } from '../scripts/runtime/supportedNode.mjs';

describe('the supported Node.js', () => {
  it('is the major package.json names, and the one the `node` dependency brings', () => {
    expect(manifest.engines.node).toBe(`>=${SUPPORTED_NODE_MAJOR}`);
    expect(nodeMajor(manifest.dependencies.node)).toBe(SUPPORTED_NODE_MAJOR);
  });

  it('runs this test runner (npm test puts node_modules/.bin/node first on PATH)', () => {
    expect(nodeVersionProblem('the unit tests')).toBeUndefined();
    expect(nodeMajor(process.version)).toBeGreaterThanOrEqual(SUPPORTED_NODE_MAJOR);
  });

  it('refuses an older major with the way out', () => {
    const problem = nodeVersionProblem('The server', 'v20.20.2', '/usr/bin/node');
    expect(problem).toContain(`The server needs Node.js ${SUPPORTED_NODE_MAJOR} or later, and /usr/bin/node is Node.js v20.20.2`);
    expect(problem).toContain('node_modules/.bin/node');
    expect(nodeVersionProblem('The server', `v${SUPPORTED_NODE_MAJOR}.0.0`)).toBeUndefined();
    expect(nodeVersionProblem('The server', `v${SUPPORTED_NODE_MAJOR + 2}.1.0`)).toBeUndefined();
    expect(nodeVersionProblem('The server', 'garbage')).toBeDefined();
  });
});
