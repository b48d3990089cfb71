import { describe, expect, it } from 'vitest';
import type { LoadedContent } from '../content/types';
import { healthReport } from './healthReport';

const content: LoadedContent = { stories: new Map(), taxonomy: { sections: {}, tags: {} }, problems: [] };
const views = { store: 'sqlite', state: 'ok' } as const;
const runtime = { node: 'v24.21.0', builtWith: 'v24.21.0' };

describe('healthReport', () => {
  it('is 200 only when ready with content loaded', () => {
    const ready = healthReport({ lifecycle: { state: 'ready', since: 0 }, content, views, uptimeSeconds: 12.4, runtime });
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ok', content: { loaded: true, stories: 0, problems: 0 }, uptimeSeconds: 12, runtime });
    expect(healthReport({ lifecycle: { state: 'ready', since: 0 }, content: undefined, views, uptimeSeconds: 1, runtime })).toMatchObject({
      status: 503,
      body: { status: 'starting', content: { loaded: false } },
    });
    expect(healthReport({ lifecycle: { state: 'starting', since: 0 }, content, views, uptimeSeconds: 1, runtime }).status).toBe(503);
    expect(healthReport({ lifecycle: { state: 'draining', since: 0 }, content, views, uptimeSeconds: 1, runtime })).toMatchObject({ status: 503, body: { status: 'draining' } });
  });

  it('stays 200 with a degraded views store: pages do not need it', () => {
    const report = healthReport({ lifecycle: { state: 'ready', since: 0 }, content, views: { store: 'redis', state: 'degraded' }, uptimeSeconds: 1, runtime });
    expect(report.status).toBe(200);
    expect(report.body.views).toEqual({ store: 'redis', state: 'degraded' });
  });
});
