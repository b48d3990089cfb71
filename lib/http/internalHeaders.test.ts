import { describe, expect, it } from 'vitest';
import { deleteInternalHeaders, INTERNAL_REQUEST_HEADERS, NOT_FOUND_LOCALE_HEADER, NOT_FOUND_PATH_HEADER, withoutInternalHeaders } from './internalHeaders';

describe('internal request headers', () => {
  it('lists every header the proxy sets for the 404 page', () => {
    expect(INTERNAL_REQUEST_HEADERS).toEqual([NOT_FOUND_LOCALE_HEADER, NOT_FOUND_PATH_HEADER]);
  });

  it('are removed from a Headers copy, whatever their case, and nothing else is', () => {
    const sent = new Headers({ 'X-Not-Found-Locale': 'en', 'x-not-found-path': '/en/call-this-number', 'accept-language': 'ru' });
    const own = withoutInternalHeaders(sent);
    expect([...own.keys()]).toEqual(['accept-language']);
    expect(sent.get(NOT_FOUND_LOCALE_HEADER)).toBe('en');
  });

  it('are deleted from a Node request’s header object', () => {
    const headers: Record<string, unknown> = { 'x-not-found-locale': 'en', 'x-not-found-path': '/x', host: 'example.org' };
    deleteInternalHeaders(headers);
    expect(headers).toEqual({ host: 'example.org' });
  });
});
