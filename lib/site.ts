import { settings } from './config/settings';

/**
 * The site's absolute origin for canonical links, feeds and print: SITE_URL when set (production
 * behind a domain), else the local server.
 */
export function siteOrigin(): string {
  return settings().siteUrl;
}
