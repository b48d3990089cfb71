import { describe, expect, it } from 'vitest';
import { notFoundPathHeader, queryFromPath } from './notFoundQuery';

describe('queryFromPath', () => {
  it('turns the words of a missing address into a query', () => {
    expect(queryFromPath('/ru/news/azerbaydzhan-gaz')).toBe('azerbaydzhan gaz');
    expect(queryFromPath('/en/news/russia-azerbaijan-defence')).toBe('russia azerbaijan defence');
    expect(queryFromPath('/de/news/tanap_pipeline.html')).toBe('tanap pipeline');
    expect(queryFromPath('/en/some/unknown/path')).toBe('some unknown path');
  });

  it('decodes Cyrillic and leaves broken escapes as they are', () => {
    expect(queryFromPath('/ru/news/%D0%B3%D0%B0%D0%B7%D0%BE%D0%BF%D1%80%D0%BE%D0%B2%D0%BE%D0%B4')).toBe('газопровод');
    expect(queryFromPath('/ru/news/gaz%E0%A4%A')).toBe('gaz E0 A4 A');
  });

  it('is empty for an address that names only a kind of page', () => {
    expect(queryFromPath('/ru/archive')).toBe('');
    expect(queryFromPath('/ru/section/')).toBe('');
    expect(queryFromPath('')).toBe('');
  });

  it('keeps within the query limits', () => {
    expect(queryFromPath(`/ru/news/${'a-'.repeat(500)}`).split(' ')).toHaveLength(8);
    expect(queryFromPath(`/ru/news/${'a'.repeat(900)}`)).toHaveLength(200);
  });
});

describe('notFoundPathHeader', () => {
  it('passes a printable ASCII path and refuses anything a header cannot carry', () => {
    expect(notFoundPathHeader('/ru/news/x%20y')).toBe('/ru/news/x%20y');
    expect(notFoundPathHeader('/ru/news/газ')).toBeUndefined();
    expect(notFoundPathHeader('/ru/news/\r\nx')).toBeUndefined();
    expect(notFoundPathHeader(`/${'a'.repeat(2000)}`)).toBeUndefined();
  });
});
