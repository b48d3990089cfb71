export async function register() {
  // Only in the Node.js server, not the build. NEXT_RUNTIME stays a literal here: Next replaces it
  // at compile time, so the edge bundle drops the Node-only imports below.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { readSettings, runtimeEnvironment, settings } = await import('./lib/config/settings');
  if (runtimeEnvironment.building()) return;
  // Under any launcher (`next start` too): a bad setting stops the server at start, named.
  const { problems } = readSettings();
  if (problems.length > 0) {
    for (const problem of problems) console.error(`[settings] ${problem}`);
    process.exit(2);
  }
  // A too-short REVALIDATE_SECRET is said in the log at start, not only at the first POST /api/revalidate.
  const { revalidateSecretProblem } = await import('./lib/live/secret');
  revalidateSecretProblem();
  if (!settings().contentWatch) return;
  const { startContentWatcher } = await import('./lib/live/startContentWatcher');
  startContentWatcher();
}
