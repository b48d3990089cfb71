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
});
