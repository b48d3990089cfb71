/**
 * Whether a beacon was sent by another site's page. sendBeacon with a text/plain (or JSON) body
 * needs no CORS preflight, so any page on the web could make its visitors count views here: the
 * browser says where the request comes from in `Sec-Fetch-Site` and `Origin`, which a page cannot
 * forge. Requests without either (curl, scripts) are not browsers' cross-site requests; bots and
 * the rate limit deal with those.
 */
export function isForeignBeacon(headers: Headers, requestUrl: string, siteOrigin: string): boolean {
  if (headers.get('sec-fetch-site')?.trim().toLowerCase() === 'cross-site') return true;
  const origin = headers.get('origin');
  if (origin === null) return false;
  let from: URL;
  try {
    from = new URL(origin);
  } catch {
    // "null" (sandboxed frames, file: pages) and garbage are not our pages.
    return true;
  }
  if (from.origin === originOf(siteOrigin) || from.origin === originOf(requestUrl)) return false;
  // The host the reader asked for (behind a proxy that keeps Host, or before SITE_URL is set).
  const host = headers.get('host')?.trim().toLowerCase();
  return !(host && from.host === host);
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
