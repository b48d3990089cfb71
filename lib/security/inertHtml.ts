// Elements that run code, load documents or change how the page is parsed or resolved.
const ACTIVE_ELEMENTS = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'svg', 'math', 'style', 'link', 'meta', 'base', 'form', 'template', 'noscript']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'srcset']);
const TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;|&newline;/gi, '')
    .replace(/&amp;/gi, '&');
}

/** The URL's scheme as a browser reads it (controls and whitespace dropped), if it has one. */
function scheme(url: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):/.exec(decodeEntities(url).replace(/[\u0000-\u0020]/g, '').toLowerCase())?.[1];
}

/**
 * Why an HTML fragment is not inert, or nothing when it is: no active element, no event handler
 * attribute, no URL attribute with a scheme that runs code or embeds a document.
 */
export function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  if (/<!--|<!\[CDATA\[/.test(html)) problems.push('comment or CDATA markup');
  for (const [, tagName, attributes = ''] of html.matchAll(TAG)) {
    const tag = tagName!.toLowerCase();
    if (ACTIVE_ELEMENTS.has(tag)) problems.push(`<${tag}> element`);
    for (const [, rawName, ...values] of attributes.matchAll(ATTRIBUTE)) {
      const name = rawName!.toLowerCase();
      const value = values.find((v) => v !== undefined) ?? '';
      if (name.startsWith('on')) problems.push(`${name} attribute on <${tag}>`);
      if (name === 'style') problems.push(`style attribute on <${tag}>`);
      const urlScheme = URL_ATTRIBUTES.has(name) ? scheme(value) : undefined;
      if (urlScheme && !['http', 'https', 'mailto'].includes(urlScheme)) {
        problems.push(`${name}="${value}" on <${tag}>`);
      }
    }
  }
  return problems;
}
