import rehypeExternalLinks from 'rehype-external-links';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { Nodes, Root } from 'mdast';
import type { Element, ElementContent, Root as HastRoot } from 'hast';

// Content is never trusted: raw HTML in Markdown is dropped by remark-rehype (no
// allowDangerousHtml), and the sanitizer only lets through GitHub's safe subset, with links
// restricted to web and mail addresses (no javascript:, data: or vbscript:).
const schema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
};

/**
 * An image from another site becomes a link to it, its alt text the link's words. On the page the
 * script policy's `img-src 'self'` would show it broken; in a feed, the reader's feed reader would
 * fetch it and tell that site the reader's address. The site's own images stay.
 */
function externalImagesAsLinks() {
  const relink = (node: HastRoot | Element) => {
    node.children = node.children.map((child): ElementContent => {
      if (child.type !== 'element') return child as ElementContent;
      const src = child.tagName === 'img' ? String(child.properties.src ?? '') : '';
      if (/^https?:/i.test(src)) return { type: 'element', tagName: 'a', properties: { href: src }, children: [{ type: 'text', value: String(child.properties.alt ?? '') || src }] };
      relink(child);
      return child;
    }) as typeof node.children;
  };
  return (tree: HastRoot) => relink(tree);
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(externalImagesAsLinks)
  // After sanitizing, so the rel attribute we add is not stripped.
  .use(rehypeExternalLinks, { rel: ['noopener', 'noreferrer'], protocols: ['http', 'https'] })
  .use(rehypeStringify);

/**
 * Plain text of a node as the page shows it: raw HTML is left out, as remark-rehype leaves it out
 * of the body, so `<img onerror=...>` written in a paragraph never reaches a summary or a feed.
 */
function plainText(node: Nodes): string {
  return mdastToString(node, { includeHtml: false }).replace(/\s+/g, ' ').trim();
}

/** Text of each block (paragraph, heading, cell) separately, so list items do not run together. */
function blockTexts(node: Nodes): string[] {
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') return [plainText(node)];
  if (node.type === 'code' || node.type === 'html') return [];
  return 'children' in node ? node.children.flatMap((child) => blockTexts(child as Nodes)) : [];
}

export interface RenderedMarkdown {
  html: string;
  text: string;
  firstParagraph: string;
  wordCount: number;
}

export function renderMarkdown(markdown: string): RenderedMarkdown {
  const tree = processor.parse(markdown) as Root;
  // The first paragraph with text once its HTML is gone (a paragraph of only HTML shows nothing).
  const firstParagraph = tree.children.flatMap((node) => (node.type === 'paragraph' ? [plainText(node)] : [])).find(Boolean) ?? '';
  const text = blockTexts(tree).filter(Boolean).join(' ');
  const html = processor.stringify(processor.runSync(tree));
  return {
    html: String(html),
    text,
    firstParagraph,
    wordCount: text ? text.split(' ').length : 0,
  };
}
