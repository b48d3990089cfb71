import { xmlSafe } from './xmlText';

/**
 * A minimal XML writer for feeds, escaping every text and attribute itself. (xmlbuilder2 leaves
 * an `&` that starts something entity-like alone, so the text "&lt;b&gt;" would come back as
 * "<b>": an HTML-escaped summary would be unescaped once on the way out.) No CDATA is written,
 * so no `]]>` in content can end one.
 */
export type XmlNode = { name: string; attributes: Record<string, string | undefined>; children: XmlNode[] | string };

export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function el(name: string, attributes: Record<string, string | undefined> = {}, children: XmlNode[] | string = []): XmlNode {
  return { name, attributes, children };
}

function write(node: XmlNode, indent: string): string {
  const attributes = Object.entries(node.attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  if (typeof node.children === 'string') return `${indent}<${node.name}${attributes}>${escapeXml(node.children)}</${node.name}>`;
  if (node.children.length === 0) return `${indent}<${node.name}${attributes}/>`;
  const inner = node.children.map((child) => write(child, `${indent}  `)).join('\n');
  return `${indent}<${node.name}${attributes}>\n${inner}\n${indent}</${node.name}>`;
}

export function xmlDocument(root: XmlNode): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${write(root, '')}\n`;
}
