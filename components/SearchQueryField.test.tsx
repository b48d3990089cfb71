import { NextIntlClientProvider } from 'next-intl';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { QUERY_LIMITS } from '@/lib/search/query';
import messages from '@/messages/en.json';
import { SearchBox } from './SearchBox';
import { SearchFilters } from './SearchFilters';

const render = (node: ReactNode) =>
  renderToStaticMarkup(
    <NextIntlClientProvider locale="en" messages={messages} timeZone="UTC">
      {node}
    </NextIntlClientProvider>,
  );

describe('SearchQueryField in both search forms', () => {
  it('gives the header box a hidden label, the compact field and the submit button', () => {
    const html = render(<SearchBox locale="en" id="site-search" landmark="Site search" label="Search the site" />);
    expect(html).toBe(
      '<form role="search" aria-label="Site search" class="flex flex-wrap items-end gap-2" data-component="search-box" action="/en/search" method="get">' +
        '<label for="site-search" class="sr-only">Search the site</label>' +
        `<input id="site-search" type="search" maxLength="${QUERY_LIMITS.chars}" enterKeyHint="search" autoComplete="off" class="min-w-0 flex-1 rounded border border-muted bg-paper px-2 py-1 text-ink" name="q"/>` +
        '<button type="submit" class="rounded border border-ink bg-ink px-3 py-1 font-semibold text-paper">Search</button>' +
        '</form>',
    );
  });

  it('gives the search page a visible label, the large field with the query, and the same button', () => {
    const request = { text: 'gas "pipeline"', filters: {}, sort: 'relevance', page: 1 } as unknown as Parameters<typeof SearchFilters>[0]['request'];
    const html = render(<SearchFilters locale="en" request={request} options={{ sections: [], tags: [], years: [] }} />);
    expect(html).toContain(
      '<div class="flex flex-wrap items-end gap-2">' +
        '<label for="search-query" class="w-full text-sm font-semibold">Search for</label>' +
        `<input id="search-query" type="search" maxLength="${QUERY_LIMITS.chars}" enterKeyHint="search" autoComplete="off" class="min-w-0 flex-1 rounded border border-muted bg-paper px-3 py-2 text-lg text-ink" name="q" value="gas &quot;pipeline&quot;"/>` +
        '<button type="submit" class="rounded border border-ink bg-ink px-4 py-2 font-semibold text-paper">Search</button>' +
        '</div>',
    );
  });
});
