import type { FeedDocument, FeedEntry } from './feedDocument';
import { el, xmlDocument } from '../xml';
import { escapeHtml } from './escapeHtml';

function item(entry: FeedEntry) {
  return el('item', {}, [
    el('title', {}, entry.title),
    el('link', {}, entry.url),
    el('guid', { isPermaLink: 'true' }, entry.url),
    el('pubDate', {}, entry.published.toUTCString()),
    // Readers render these two as HTML: the plain-text summary is escaped into HTML first.
    el('description', {}, escapeHtml(entry.summary)),
    el('content:encoded', {}, entry.contentHtml),
    ...(entry.author ? [el('dc:creator', {}, entry.author)] : []),
    ...entry.categories.map((category) => el('category', { domain: category.domain }, category.name)),
    ...(entry.enclosure
      ? [el('enclosure', { url: entry.enclosure.url, length: String(entry.enclosure.length), type: entry.enclosure.type })]
      : []),
  ]);
}

/** RSS 2.0: titles plain text; description and content:encoded HTML, all escaped as XML text. */
export function renderRss(doc: FeedDocument): string {
  return xmlDocument(
    el(
      'rss',
      {
        version: '2.0',
        'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
        'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
        'xmlns:atom': 'http://www.w3.org/2005/Atom',
      },
      [
        el('channel', {}, [
          el('title', {}, doc.title),
          el('link', {}, doc.link),
          el('description', {}, doc.description),
          el('lastBuildDate', {}, doc.updated.toUTCString()),
          el('docs', {}, 'https://validator.w3.org/feed/docs/rss2.html'),
          el('language', {}, doc.language),
          el('image', {}, [el('title', {}, doc.title), el('url', {}, doc.image), el('link', {}, doc.link)]),
          el('copyright', {}, doc.copyright),
          el('atom:link', { href: doc.rssUrl, rel: 'self', type: 'application/rss+xml' }),
          ...doc.entries.map(item),
        ]),
      ],
    ),
  );
}
