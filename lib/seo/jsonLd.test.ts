import { describe, expect, it } from 'vitest';
import { serializeJsonLd } from './jsonLd';

describe('serializeJsonLd', () => {
  it('cannot be broken out of by content', () => {
    const out = serializeJsonLd({ headline: '</script><script>alert(1)</script> & \u2028' });
    expect(out).not.toContain('</script');
    expect(out).not.toContain('<');
    expect(out).not.toContain('\u2028');
    expect(JSON.parse(out)).toEqual({ headline: '</script><script>alert(1)</script> & \u2028' });
  });

  it('escapes every character that means something to an HTML parser or old JavaScript engines', () => {
    const hostile = ['</SCRIPT >', '<!-- <script>', '-->', ']]>', '\u2028\u2029', '&lt;', '<\\/script>', '\uD800'];
    const out = serializeJsonLd([{ name: hostile.join(' '), nested: { list: hostile } }]);
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(out.toLowerCase()).not.toContain('</script');
    expect(out).not.toContain('<!--');
    // Still JSON, and still the same data.
    expect(JSON.parse(out)).toEqual([{ name: hostile.join(' '), nested: { list: hostile } }]);
  });
});
