// Characters XML 1.0 forbids anywhere in a document (C0 controls other than tab, line feed and
// carriage return, U+FFFE/U+FFFF, and halves of surrogate pairs): one in a title would make the
// whole feed unparseable, so they are dropped. Everything else is escaped by the XML builder.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text that can go into an XML text node or attribute (the builder escapes & < > "). */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Plain text as HTML that shows it, for feed fields readers render as HTML (RSS description). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}
