/**
 * The story text. The HTML comes from lib/content/markdown.ts, which drops raw HTML and
 * sanitizes everything else, so it is safe to insert here.
 */
export function StoryBody({ html }: { html: string }) {
  return (
    <div
      className="story-body prose prose-lg mt-6 max-w-none font-serif dark:prose-invert"
      data-component="story-body"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
