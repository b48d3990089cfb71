import { contentRoot, loadContent, type LoadedContent } from './load';
import { ContentError } from './problems';

let pending: Promise<LoadedContent> | undefined;

/**
 * The validated content of this process, loaded once. Invalid content throws a ContentError that
 * lists every problem (so `next build` fails with the same lines as `npm run content:check`).
 */
export function getContent(): Promise<LoadedContent> {
  pending ??= loadContent(contentRoot()).then((content) => {
    if (content.problems.length > 0) throw new ContentError(content.problems);
    return content;
  });
  pending.catch(() => {
    pending = undefined;
  });
  return pending;
}
