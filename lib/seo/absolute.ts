import { siteOrigin } from '../site';

/** An absolute URL on this site (SITE_URL, else the local server). */
export function absoluteUrl(path: string): string {
  return new URL(path, `${siteOrigin()}/`).toString();
}
