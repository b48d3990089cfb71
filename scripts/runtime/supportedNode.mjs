// Which Node.js the project runs on, and the check every entry point makes before it does any
// work. The supported major is the one package.json's `engines` names (">=26"); the `node` package
// in dependencies brings that runtime from the npm registry into node_modules/.bin, which npm puts
// first on PATH for every script (npm start, npm test, npm run build, the benchmarks). So the
// machine's own Node (20 here, past its end of life) only runs npm itself. Plain JavaScript that
// parses on any Node, so an old one gets this message, not a syntax error (docs/operations.md).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

/** The oldest major the project supports, from package.json's `engines.node` (">=26"). */
export const SUPPORTED_NODE_MAJOR = Number(/^>=\s*(\d+)/.exec(manifest.engines?.node ?? '')?.[1]);
if (!Number.isInteger(SUPPORTED_NODE_MAJOR)) throw new Error(`package.json: engines.node must read ">=N", not ${JSON.stringify(manifest.engines?.node)}`);

/** The major of a version string ("v24.21.0" → 24). */
export function nodeMajor(version) {
  return Number(/^v?(\d+)\./.exec(version)?.[1] ?? Number.NaN);
}

/** Why `what` cannot run on this Node.js version, or undefined when it can. */
export function nodeVersionProblem(what, version = process.version, execPath = process.execPath) {
  if (nodeMajor(version) >= SUPPORTED_NODE_MAJOR) return undefined;
  return (
    `${what} needs Node.js ${SUPPORTED_NODE_MAJOR} or later, and ${execPath} is Node.js ${version}. ` +
    `Run it through npm (npm start, npm test, npm run build …): after npm install, npm puts the ` +
    `project's own Node.js (node_modules/.bin/node) first on PATH. Or start node_modules/.bin/node yourself.`
  );
}

/** Stops the process with that message (exit 1) on an unsupported Node.js. */
export function exitUnlessSupportedNode(what) {
  const problem = nodeVersionProblem(what);
  if (!problem) return;
  console.error(problem);
  process.exit(1);
}

// `node scripts/runtime/supportedNode.mjs "the build"`: the same check for shell steps.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  exitUnlessSupportedNode(process.argv[2] ?? 'this command');
  console.log(`${process.argv[2] ?? 'this command'}: Node.js ${process.version} (${process.execPath})`);
}
