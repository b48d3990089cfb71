import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { contentRoot } from '@/lib/content/load';
import { findPublicStory } from '@/lib/content/queries';
import { getContent } from '@/lib/content/repository';
import { currentVisibility } from '@/lib/content/visibility';
import { imageContentType } from '@/lib/imageType';

/**
 * A story's photo, straight from its content folder. Only the file a public story's front matter
 * names is served, so no other file under the content root can be reached from a URL.
 */
export async function GET(request: Request, { params }: RouteContext<'/media/[slug]/[file]'>) {
  const { slug, file } = await params;
  const story = findPublicStory(await getContent(), slug, currentVisibility());
  if (!story?.image || story.image.file !== file) {
    return new Response('Not found\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  const bytes = await readFile(path.join(contentRoot(), 'news', story.slug, story.image.file));
  return new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': imageContentType(file),
      // Pages link the photo with ?v=<content hash>: that exact version never changes.
      'cache-control':
        new URL(request.url).searchParams.get('v') === story.image.version
          ? 'public, max-age=31536000, immutable'
          : 'public, max-age=300',
      'x-content-type-options': 'nosniff',
    },
  });
}
