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

  it('turns an image from another site into a link to it, so no page or feed reader fetches it (nor tells that site who reads)', () => {
    const { html } = renderMarkdown('A chart: ![Turnout by region](https://tracker.example/pixel.png) and [a link](https://example.org).\n\n![](http://cdn.example/a.jpg)');
    expect(html).not.toContain('<img');
    expect(html).toContain('<a href="https://tracker.example/pixel.png" rel="noopener noreferrer">Turnout by region</a>');
    expect(html).toContain('<a href="http://cdn.example/a.jpg" rel="noopener noreferrer">http://cdn.example/a.jpg</a>');
    // An image of the site's own stays an image.
    expect(renderMarkdown('![Map](/media/story/map.png)').html).toContain('<img src="/media/story/map.png" alt="Map">');
  });

  it('counts words across paragraphs', () => {
    expect(renderMarkdown('one two\n\nthree').text).toBe('one two three');
  });
});

describe('renderMarkdown plain texts (summaries, feeds, related scoring)', () => {
  it('leave out raw HTML the page never shows', () => {
    const { firstParagraph, text, html } = renderMarkdown('Lead <img src=x onerror="alert(1)"> text <b onclick="x()">bold</b>.\n\nSecond <script>alert(2)</script>.');
    expect(firstParagraph).toBe('Lead text bold.');
    expect(firstParagraph).not.toMatch(/<|onerror|onclick/);
    expect(text).not.toMatch(/<|onerror|onclick|script>/);
    expect(html).toContain('Lead');
  });

  it('skip a first paragraph that is only HTML', () => {
    expect(renderMarkdown('<img src=x onerror=alert(1)>\n\nReal lead.').firstParagraph).toBe('Real lead.');
    // Words between inline tags stay, as plain text, exactly as the page shows them.
    expect(renderMarkdown('<svg onload=alert(1)><script>x</script></svg>').firstParagraph).toBe('x');
    expect(renderMarkdown('<div onclick="x()">\nblock\n</div>').firstParagraph).toBe('');
  });

  it('keep text that merely looks like HTML when it is written as code', () => {
    // Inline code is text on the page too (escaped there, and escaped again by every output).
    expect(renderMarkdown('Use `<b>` for bold.').firstParagraph).toBe('Use <b> for bold.');
  });
});
