#!/usr/bin/env node
// `npm start`: serve the built site on PORT (default 3000), building first when there is no build.
// The server itself is scripts/server.mjs.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { exitUnlessSupportedNode } from './runtime/supportedNode.mjs';

exitUnlessSupportedNode('npm start');
const { launcherEnvironment, startupProblems } = await import('../lib/config/settings.ts');
// Checked here too, before a build is started for nothing.
const problems = startupProblems();
if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(2);
}

launcherEnvironment.disableTelemetry();
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

if (!existsSync('.next/BUILD_ID')) {
  console.log('No build found: running "npm run build" first.');
  const build = spawnSync(npm, ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, ['scripts/server.mjs'], { stdio: 'inherit', env: launcherEnvironment.forChild({ NODE_ENV: 'production' }) });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
