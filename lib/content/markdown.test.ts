import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders paragraphs, emphasis and lists', () => {
    const { html, firstParagraph, wordCount } = renderMarkdown('First *para*.\n\n- one\n- two');
    expect(html).toContain('<p>First <em>para</em>.</p>');
    expect(html).toContain('<li>one</li>');
    expect(firstParagraph).toBe('First para.');
    expect(wordCount).toBe(4);
  });

  it('drops raw HTML, scripts and event handlers', () => {
    const { html } = renderMarkdown('Hi <script>alert(1)</script> <img src=x onerror="alert(2)"> <b onclick="x()">b</b>\n\n<iframe src="https://evil.example"></iframe>');
    expect(html).not.toMatch(/<script|onerror|onclick|<iframe|<img/i);
    expect(html).toContain('Hi');
  });

  it('removes javascript:, data: and vbscript: links but keeps their text', () => {
    const { html } = renderMarkdown('[a](javascript:alert(1)) [b](data:text/html;base64,PHNjcmlwdD4=) [c](VBScript:msgbox) [d](JaVaScRiPt:alert(1))');
    expect(html).not.toMatch(/javascript:|data:|vbscript:/i);
    expect(html).toContain('a');
    expect(html).toContain('d');
  });

  it('marks external links noopener and keeps relative ones as they are', () => {
    const { html } = renderMarkdown('[out](https://example.org/x) [in](/ru/news/story)');
    expect(html).toContain('<a href="https://example.org/x" rel="noopener noreferrer">out</a>');
    expect(html).toContain('<a href="/ru/news/story">in</a>');
  });

  it('counts words across paragraphs', () => {
    expect(renderMarkdown('one two\n\nthree').text).toBe('one two three');
  });
});
