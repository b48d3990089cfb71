import { findPublicStory } from '@/lib/content/queries';
import { getContent } from '@/lib/content/repository';
import { currentVisibility } from '@/lib/content/visibility';
import { launchedWithPeerHeader } from '@/lib/lifecycle';
import { handleBeacon } from '@/lib/views/beacon';
import { beaconDeadlineMs } from '@/lib/views/deadlines';
import { beaconRateLimiter } from '@/lib/views/rateLimiterFromEnv';
import { viewsStore, viewsStoreKind } from '@/lib/views/storeFromEnv';

// proxy.ts does not run for this path (its matcher leaves out exactly /api/views), so Next does not
// buffer the body for it: handleBeacon reads at most 1 KB itself.
export async function POST(request: Request) {
  return handleBeacon(request, {
    store: viewsStore,
    storyExists: async (slug) => findPublicStory(await getContent(), slug, currentVisibility()) !== undefined,
    limiter: beaconRateLimiter,
    deadlineMs: beaconDeadlineMs(viewsStoreKind()),
    peerHeaderTrusted: launchedWithPeerHeader(),
  });
}
