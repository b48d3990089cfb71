import { describe, expect, it } from 'vitest';
import { isResizable, MAX_INPUT_PIXELS, VARIANT_WIDTHS, variantWidthsFor } from './variantConfig';

describe('variantWidthsFor', () => {
  it('lists the configured widths up to the photo, never above it', () => {
    expect(variantWidthsFor(1200)).toEqual([160, 320, 640, 828, 1080, 1200]);
    expect(variantWidthsFor(5000)).toEqual([...VARIANT_WIDTHS]);
    expect(variantWidthsFor(1920)).toEqual([...VARIANT_WIDTHS]);
  });
  it("ends with the photo's own width when it falls between two", () => {
    expect(variantWidthsFor(1000)).toEqual([160, 320, 640, 828, 1000]);
    expect(variantWidthsFor(100)).toEqual([100]);
  });
  it('has nothing for a photo without a sane width', () => {
    for (const width of [0, -1, 1.5, Number.NaN]) expect(variantWidthsFor(width)).toEqual([]);
  });
});

describe('isResizable', () => {
  it('allows up to the pixel limit', () => {
    expect(isResizable({ width: 1200, height: 675 })).toBe(true);
    expect(isResizable({ width: MAX_INPUT_PIXELS / 1000, height: 1000 })).toBe(true);
    expect(isResizable({ width: MAX_INPUT_PIXELS / 1000, height: 1001 })).toBe(false);
  });
});
