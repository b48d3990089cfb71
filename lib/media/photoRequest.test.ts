import { describe, expect, it } from 'vitest';
import { parsePhotoRequest } from './photoRequest';
import { MAX_INPUT_PIXELS } from './variantConfig';

const photo = { version: 'abc123', width: 1200, height: 675 };
const parse = (query: string, facts = photo) => parsePhotoRequest(new URLSearchParams(query), facts);

describe('parsePhotoRequest', () => {
  it('accepts the current version', () => {
    expect(parse('v=abc123')).toEqual({ ok: true, version: 'abc123' });
  });
  it('refuses a missing, empty or stale version with 404', () => {
    for (const query of ['', 'v=', 'v=old', 'v=ABC123']) expect(parse(query)).toMatchObject({ ok: false, status: 404 });
  });
  it('refuses unknown or repeated parameters with 400', () => {
    for (const query of ['v=abc123&cachebust=1', 'x=1', 'v=abc123&v=abc123', 'v=abc123&w=640']) {
      expect(parse(query)).toMatchObject({ ok: false, status: 400 });
    }
  });
});

describe('parsePhotoRequest for variants', () => {
  it('accepts an allowed width and format, in any parameter order', () => {
    expect(parse('v=abc123&w=640&f=avif')).toEqual({ ok: true, version: 'abc123', variant: { width: 640, format: 'avif' } });
    expect(parse('f=jpeg&w=1200&v=abc123')).toEqual({ ok: true, version: 'abc123', variant: { width: 1200, format: 'jpeg' } });
    expect(parse('v=abc123&w=160&f=webp')).toMatchObject({ ok: true, variant: { width: 160, format: 'webp' } });
  });

  it.each([
    ['a width not in the set', 'v=abc123&w=123&f=avif'],
    ['a width above the photo (no upscaling)', 'v=abc123&w=1920&f=avif'],
    ['a width written another way', 'v=abc123&w=0640&f=avif'],
    ['a width with a sign or decimals', 'v=abc123&w=%2B640&f=avif'],
    ['a fractional width', 'v=abc123&w=640.0&f=avif'],
    ['an empty width', 'v=abc123&w=&f=avif'],
    ['an unknown format', 'v=abc123&w=640&f=png'],
    ['a format alias', 'v=abc123&w=640&f=jpg'],
    ['a format in capitals', 'v=abc123&w=640&f=AVIF'],
    ['a format without a width', 'v=abc123&f=avif'],
    ['a quality', 'v=abc123&w=640&f=avif&q=90'],
    ['an extra parameter', 'v=abc123&w=640&f=avif&x=1'],
    ['a repeated width', 'v=abc123&w=640&w=640&f=avif'],
  ])('refuses %s with 400', (_name, query) => {
    expect(parse(query)).toMatchObject({ ok: false, status: 400 });
  });

  it('refuses a stale version with 404, even for a valid variant', () => {
    expect(parse('v=old&w=640&f=avif')).toMatchObject({ ok: false, status: 404 });
    expect(parse('w=640&f=avif')).toMatchObject({ ok: false, status: 404 });
  });

  it("offers the photo's own width as its largest variant, and nothing above", () => {
    const narrow = { ...photo, width: 1000, height: 600 };
    expect(parse('v=abc123&w=1000&f=webp', narrow)).toMatchObject({ ok: true, variant: { width: 1000 } });
    expect(parse('v=abc123&w=1080&f=webp', narrow)).toMatchObject({ ok: false, status: 400 });
    expect(parse('v=abc123&w=1000&f=webp')).toMatchObject({ ok: false, status: 400 });
  });

  it('refuses to resize a photo over the pixel limit (422), but serves its original', () => {
    const huge = { version: 'abc123', width: 20_000, height: Math.ceil(MAX_INPUT_PIXELS / 20_000) + 1 };
    expect(parse('v=abc123&w=640&f=avif', huge)).toMatchObject({ ok: false, status: 422 });
    expect(parse('v=abc123', huge)).toEqual({ ok: true, version: 'abc123' });
  });
});
