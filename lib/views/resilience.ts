/**
 * Calls to the views store never break a page or stall the beacon: each has a deadline and a
 * fallback, and an outage is logged once (and its end once), not on every request.
 */
let failing = false;

export async function withDeadline<T>(operation: () => Promise<T>, fallback: T, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    const result = await Promise.race([operation(), deadline]);
    if (result === 'timeout') {
      reportFailure(`${what} took over ${ms} ms`);
      return fallback;
    }
    if (failing) {
      failing = false;
      console.warn('[views] store is answering again');
    }
    return result;
  } catch (error) {
    reportFailure(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
    return fallback;
  } finally {
    clearTimeout(timer);
  }
}

function reportFailure(message: string) {
  if (failing) return;
  failing = true;
  console.error(`[views] store unavailable (${message}); Popular falls back to the latest stories until it is back`);
}
