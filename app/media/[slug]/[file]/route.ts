import { contentRoot } from '@/lib/content/root';
import { findPublicStory } from '@/lib/content/queries';
import { getContent } from '@/lib/content/repository';
import { currentVisibility } from '@/lib/content/visibility';
import { servePhoto } from '@/lib/media/servePhoto';

/**
 * A story's photo, straight from its content folder, or resized (`&w=…&f=…`, encoded once and
 * cached on disk: docs/images.md). Only the file a public story's front matter names is served, at
 * its current version, and never through a symlink, so no other file under (or outside) the
 * content root can be reached from a URL.
 */
export async function GET(request: Request, { params }: RouteContext<'/media/[slug]/[file]'>) {
  const { slug, file } = await params;
  return servePhoto(request, findPublicStory(await getContent(), slug, currentVisibility()), file, contentRoot());
}
