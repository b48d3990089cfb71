'use client';

import { useEffect } from 'react';

/** Counts one view of the story once the page is shown. The page works the same without it. */
export function ViewBeacon({ slug, locale }: { slug: string; locale: string }) {
  useEffect(() => {
    const body = JSON.stringify({ slug, locale });
    if (!navigator.sendBeacon?.('/api/views', new Blob([body], { type: 'application/json' }))) {
      fetch('/api/views', { method: 'POST', body, keepalive: true, headers: { 'content-type': 'application/json' } }).catch(() => {});
    }
  }, [slug, locale]);
  return null;
}
