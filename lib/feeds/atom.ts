import type { FeedDocument, FeedEntry } from './feedDocument';
import { el, xmlDocument } from '../xml';

function entry(item: FeedEntry) {
  return el('entry', {}, [
    // type="text": readers show titles and summaries as written, never parse them as markup.
    el('title', { type: 'text' }, item.title),
    el('id', {}, item.url),
    el('link', { rel: 'alternate', href: item.url }),
    el('updated', {}, item.updated.toISOString()),
    el('published', {}, item.published.toISOString()),
    el('summary', { type: 'text' }, item.summary),
    el('content', { type: 'html' }, item.contentHtml),
    ...(item.author ? [el('author', {}, [el('name', {}, item.author)])] : []),
    ...item.categories.map((category) => el('category', { term: category.term, scheme: category.scheme, label: category.name })),
    ...(item.enclosure
      ? [el('link', { rel: 'enclosure', href: item.enclosure.url, type: item.enclosure.type, length: String(item.enclosure.length) })]
      : []),
  ]);
}

/** Atom 1.0, every value escaped as XML text or attribute. */
export function renderAtom(doc: FeedDocument): string {
  return xmlDocument(
    el('feed', { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': doc.language }, [
      el('id', {}, doc.link),
      el('title', {}, doc.title),
      el('updated', {}, doc.updated.toISOString()),
      el('link', { rel: 'alternate', href: doc.link }),
      ...(doc.atomUrl ? [el('link', { rel: 'self', href: doc.atomUrl })] : []),
      el('subtitle', {}, doc.description),
      el('logo', {}, doc.image),
      el('icon', {}, doc.favicon),
      el('rights', {}, doc.copyright),
      // Atom wants an author for every entry: the publication stands in where a story names none.
      el('author', {}, [el('name', {}, doc.title)]),
      ...doc.entries.map(entry),
    ]),
  );
}
