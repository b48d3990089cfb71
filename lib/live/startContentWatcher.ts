import { contentRoot } from '../content/load';
import { revalidateSecret } from './secret';
import { watchContent } from './watchContent';

/**
 * Started once per server process (instrumentation.ts). Next cannot revalidate from outside a
 * request (NEXT16-NOTES: "static generation store missing"), so the watcher asks this same
 * instance's POST /api/revalidate. Each instance watches and refreshes only its own cache.
 */
export function startContentWatcher(): void {
  const port = process.env.PORT ?? '3000';
  const endpoint = `http://127.0.0.1:${port}/api/revalidate`;
  watchContent(contentRoot(), async (scope) => {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      try {
        const response = await fetch(endpoint, {
          method: 'POST',
          headers: { authorization: `Bearer ${revalidateSecret()}`, 'content-type': 'application/json' },
          body: JSON.stringify({ scope }),
        });
        if (!response.ok) throw new Error(`status ${response.status}`);
        const result = (await response.json()) as { changed: string[]; nextDue: number | null };
        if (result.changed.length > 0) console.log(`[content] updated: ${result.changed.join(', ')}`);
        return result;
      } catch {
        // The server may still be starting: try again shortly.
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    console.error(`[content] could not reach ${endpoint}: changes under ${contentRoot()} are not live until restart`);
    return undefined;
  });
}
