import { getContent, loadedContent } from '@/lib/content/repository';
import { healthReport } from '@/lib/health/healthReport';
import { lifecycle } from '@/lib/lifecycle';
import { dayKey } from '@/lib/views/days';
import { storeHealth, withDeadline } from '@/lib/views/resilience';
import { viewsStore, viewsStoreKind } from '@/lib/views/storeFromEnv';
import { runtimeEnvironment } from '@/lib/config/settings';

export const dynamic = 'force-dynamic';

const PROBE_MS = 500;

/** GET /api/health: JSON for load balancers and operators (lib/health/healthReport.ts). */
export async function GET() {
  // The first request may come before anything asked for content: start loading it.
  if (!loadedContent()) void getContent().catch(() => undefined);
  const probe = await withDeadline(async () => (await (await viewsStore()).top([dayKey(new Date())], 1), true), false, PROBE_MS, 'health probe');
  const { status, body } = healthReport({
    lifecycle: lifecycle(),
    content: loadedContent(),
    views: { store: viewsStoreKind(), state: probe && !storeHealth().failing ? 'ok' : 'degraded' },
    uptimeSeconds: process.uptime(),
    runtime: { node: process.version, builtWith: runtimeEnvironment.builtWithNode() },
  });
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
}
