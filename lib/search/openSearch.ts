import type { Locale } from '../../i18n/routing';
import { absoluteUrl } from '../seo/absolute';
import { el, xmlDocument } from '../xml';
import { OPENSEARCH_CONTENT_TYPE, openSearchPath, searchBase } from './searchPath';

/**
 * The OpenSearch description that lets a browser add the site's search in a locale
 * (https://github.com/dewitt/opensearch). ShortName must be at most 16 characters.
 */
export function openSearchXml(locale: Locale, names: { shortName: string; longName: string; description: string }): string {
  return xmlDocument(
    el('OpenSearchDescription', { xmlns: 'http://a9.com/-/spec/opensearch/1.1/', 'xmlns:moz': 'http://www.mozilla.org/2006/browser/search/' }, [
      el('ShortName', {}, Array.from(names.shortName).slice(0, 16).join('')),
      el('LongName', {}, names.longName),
      el('Description', {}, names.description),
      el('InputEncoding', {}, 'UTF-8'),
      el('Language', {}, locale),
      el('Image', { width: '16', height: '16', type: 'image/svg+xml' }, absoluteUrl('/icon.svg')),
      el('Url', { type: 'text/html', method: 'get', template: `${absoluteUrl(searchBase(locale))}?q={searchTerms}` }),
      el('Url', { type: OPENSEARCH_CONTENT_TYPE, rel: 'self', template: absoluteUrl(openSearchPath(locale)) }),
      el('moz:SearchForm', {}, absoluteUrl(searchBase(locale))),
    ]),
  );
}
