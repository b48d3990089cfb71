import { contentVersion } from '../content/diff';
import type { LoadedContent } from '../content/types';
import type { Lifecycle } from '../lifecycle';

export interface HealthReport {
  status: 'ok' | 'starting' | 'draining';
  content: { loaded: false } | { loaded: true; version: string; stories: number; problems: number };
  views: { store: string; state: 'ok' | 'degraded' };
  uptimeSeconds: number;
  /** The Node.js serving this instance and the one that built the site (`v24.21.0`). */
  runtime: { node: string; builtWith: string | undefined };
}

/**
 * What GET /api/health says, and its status: 200 when this instance should get traffic; 503
 * while it starts (content not yet compared with the build) or drains after SIGTERM, so nginx or
 * an orchestrator moves readers elsewhere first. A degraded views store is reported but still
 * 200: pages are served without it.
 */
export function healthReport(input: {
  lifecycle: Lifecycle;
  content: LoadedContent | undefined;
  views: HealthReport['views'];
  uptimeSeconds: number;
  runtime: HealthReport['runtime'];
}): { status: 200 | 503; body: HealthReport } {
  const { lifecycle, content, views, uptimeSeconds, runtime } = input;
  const status = lifecycle.state === 'ready' && content ? 'ok' : lifecycle.state === 'draining' ? 'draining' : 'starting';
  return {
    status: status === 'ok' ? 200 : 503,
    body: {
      status,
      content: content
        ? { loaded: true, version: contentVersion(content), stories: content.stories.size, problems: content.problems.length }
        : { loaded: false },
      views,
      uptimeSeconds: Math.round(uptimeSeconds),
      runtime,
    },
  };
}
