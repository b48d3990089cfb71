export async function register() {
  // Only in the Node.js server (not the build, not other runtimes), and not where turned off.
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  // A too-short REVALIDATE_SECRET is said in the log at start, not only at the first POST /api/revalidate.
  const { revalidateSecretProblem } = await import('./lib/live/secret');
  revalidateSecretProblem();
  if (process.env.CONTENT_WATCH === 'off') return;
  const { startContentWatcher } = await import('./lib/live/startContentWatcher');
  startContentWatcher();
}
