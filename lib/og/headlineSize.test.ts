import { describe, expect, it } from 'vitest';
import { headlineSize } from './headlineSize';

const box = { width: 548, height: 340 };

describe('headlineSize', () => {
  it('keeps short headlines large', () => {
    expect(headlineSize('Peace treaty agreed', box).fontSize).toBe(72);
  });
  it('shrinks long headlines so their lines fit the box', () => {
    const long = 'Borrell tells the European Parliament that the situation in Afghanistan was critical, but the EU will remain engaged';
    const { fontSize, lines } = headlineSize(long, box);
    expect(fontSize).toBeLessThan(50);
    expect(lines * fontSize * 1.15).toBeLessThanOrEqual(box.height);
  });
  it('never goes below the smallest size, even for absurd headlines', () => {
    expect(headlineSize('слово '.repeat(200), box).fontSize).toBe(32);
  });
});
