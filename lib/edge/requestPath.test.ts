import { describe, expect, it } from 'vitest';
import { isHostilePath } from './requestPath';

describe('isHostilePath', () => {
  it.each(['/ru', '/ru/news/russia-azerbaijan-defence-cooperation', '/ru/tag/eu', '/%D0%BF'])('lets %s through', (p) => {
    expect(isHostilePath(p)).toBe(false);
  });
  it.each([
    '/ru/news/%E0%A4%A',
    '/ru/news/%00',
    '/ru/news/a%0Ab',
    '/ru/news/..%2F..%2Fetc%2Fpasswd',
    '/ru/news/%2e%2e/x',
    '/ru/news/..%5C..%5Cx',
    `/ru/news/${'a'.repeat(5000)}`,
  ])('rejects %s', (p) => {
    expect(isHostilePath(p)).toBe(true);
  });
});
