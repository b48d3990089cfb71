/** How every sitemap route answers: XML, or a plain 404 for a child that does not exist. */
export function xmlResponse(xml: string, headers: Record<string, string> = {}): Response {
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8', ...headers } });
}

export function notFoundResponse(): Response {
  return new Response('Not found\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
