/** What a live story's own routes (its poll, its feed) answer for any other story, or none. */
export function notLiveStoryResponse(): Response {
  return new Response('Not a live story\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
