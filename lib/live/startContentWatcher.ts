import { processSingleton, processToken } from '../process/registry';
import { contentRoot } from '../content/root';
import { dataFolder } from '../config/dataFolder';
import { watchContent } from './watchContent';
import { markWatchStarting, markWatching } from './watchState';
import { runtimeEnvironment, settings } from '../config/settings';

const ATTEMPTS = 20;
const RETRY_MS = 500;

/**
 * Where this instance answers: scripts/server.mjs records the address it actually bound
 * (HOSTNAME may be a container name that is not 127.0.0.1); other launchers listen on PORT.
 */
function revalidateEndpoint(): string {
  return `${runtimeEnvironment.internalOrigin() ?? `http://127.0.0.1:${settings().port}`}/api/revalidate`;
}

/**
 * Started once per server process (instrumentation.ts). Next cannot revalidate from outside a
 * request ("static generation store missing"), so the watcher asks this same instance's
 * POST /api/revalidate. Each instance watches and refreshes only its own cache.
 */
export function startContentWatcher(): void {
  processSingleton('content-watcher', () => {
    markWatchStarting();
    return watchContent(contentRoot(), async (scope, slugs) => {
      let lastError = '';
      for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
        try {
          const response = await fetch(revalidateEndpoint(), {
            method: 'POST',
            headers: { authorization: `Bearer ${processToken()}`, 'content-type': 'application/json' },
            body: JSON.stringify({ scope, slugs }),
          });
          if (!response.ok) throw new Error(`status ${response.status}`);
          const result = (await response.json()) as { changed: string[]; nextDue: number | null };
          if (result.changed.length > 0) console.log(`[content] updated: ${result.changed.join(', ')}`);
          return result;
        } catch (error) {
          // The server may still be starting: try again shortly.
          lastError = error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}` : String(error);
          await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
        }
      }
      console.error(`[content] POST ${revalidateEndpoint()} failed ${ATTEMPTS} times, last: ${lastError}; changes under ${contentRoot()} are not live until the next change or a restart`);
      return undefined;
    }, markWatching, [dataFolder()]);
  });
}
