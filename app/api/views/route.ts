import { findPublicStory } from '@/lib/content/queries';
import { getContent } from '@/lib/content/repository';
import { currentVisibility } from '@/lib/content/visibility';
import { handleBeacon } from '@/lib/views/beacon';
import { viewsStore } from '@/lib/views/storeFromEnv';

export async function POST(request: Request) {
  return handleBeacon(request, {
    store: viewsStore,
    storyExists: async (slug) => findPublicStory(await getContent(), slug, currentVisibility()) !== undefined,
  });
}
