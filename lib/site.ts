/**
 * The site's absolute origin for canonical links, feeds and print: SITE_URL when set (production
 * behind a domain), else the local server.
 */
export function siteOrigin(): string {
  const configured = process.env.SITE_URL?.trim();
  if (configured) return configured.replace(/\/+$/, '');
  return `http://localhost:${process.env.PORT ?? 3000}`;
}
