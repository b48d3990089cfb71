import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { highlight } from '@/lib/search/snippet';
import { SearchHighlight } from './SearchHighlight';

describe('SearchHighlight', () => {
  it('renders matched words in <mark> and escapes everything else', () => {
    const segments = highlight('<img src=x onerror=alert(1)> газ & "газы"', new Set(['газ']), 'ru');
    const html = renderToStaticMarkup(<SearchHighlight segments={segments} />);
    expect(html).toBe('&lt;img src=x onerror=alert(1)&gt; <mark class="rounded-sm bg-notice text-ink">газ</mark> &amp; &quot;<mark class="rounded-sm bg-notice text-ink">газы</mark>&quot;');
    expect(html).not.toContain('<img');
  });

  it('escapes a match that looks like markup too', () => {
    const html = renderToStaticMarkup(<SearchHighlight segments={[{ text: '<b>', match: true }]} />);
    expect(html).toBe('<mark class="rounded-sm bg-notice text-ink">&lt;b&gt;</mark>');
  });
});
