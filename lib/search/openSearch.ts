import { create } from 'xmlbuilder2';
import type { Locale } from '../../i18n/routing';
import { absoluteUrl } from '../seo/absolute';
import { OPENSEARCH_CONTENT_TYPE, openSearchPath, searchBase } from './searchPath';

/**
 * The OpenSearch description that lets a browser add the site's search in a locale
 * (https://github.com/dewitt/opensearch). ShortName must be at most 16 characters.
 */
export function openSearchXml(locale: Locale, names: { shortName: string; longName: string; description: string }): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('OpenSearchDescription', {
    xmlns: 'http://a9.com/-/spec/opensearch/1.1/',
    'xmlns:moz': 'http://www.mozilla.org/2006/browser/search/',
  });
  root.ele('ShortName').txt(Array.from(names.shortName).slice(0, 16).join(''));
  root.ele('LongName').txt(names.longName);
  root.ele('Description').txt(names.description);
  root.ele('InputEncoding').txt('UTF-8');
  root.ele('Language').txt(locale);
  root.ele('Image', { width: '16', height: '16', type: 'image/svg+xml' }).txt(absoluteUrl('/icon.svg'));
  root.ele('Url', { type: 'text/html', method: 'get', template: `${absoluteUrl(searchBase(locale))}?q={searchTerms}` });
  root.ele('Url', { type: OPENSEARCH_CONTENT_TYPE, rel: 'self', template: absoluteUrl(openSearchPath(locale)) });
  root.ele('moz:SearchForm').txt(absoluteUrl(searchBase(locale)));
  return root.end({ prettyPrint: true });
}
