import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { LOCALE_CODES, localeEntryOf } from '../i18n/locales';
import en from '../messages/en.json';

// Every language of the registry has its messages file, with English's keys.
const MESSAGES: Record<string, unknown> = Object.fromEntries(
  LOCALE_CODES.map((code) => [code, JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'messages', `${code}.json`), 'utf8'))]),
);

// Scripts whose letters mark an untranslated message: English's and Russian's.
const FOREIGN_LETTERS: Record<string, RegExp> = { latin: /\p{Script=Latin}/u, cyrillic: /\p{Script=Cyrillic}/u };
/** The letters a language is written in; the others must not appear in its messages. */
const OWN_SCRIPT: Record<string, string> = { ru: 'cyrillic', en: 'latin' };

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.tsx'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

// Attributes a reader sees or hears: their text must come from messages/.
const UI_ATTRIBUTES = new Set(['aria-label', 'title', 'alt', 'placeholder']);

/** Letters in JSX text or UI attributes: a UI string that did not come from messages/. */
function hardCodedStrings(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) found.push(node.text.trim());
    if (ts.isJsxAttribute(node) && UI_ATTRIBUTES.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer) && /\p{L}/u.test(node.initializer.text)) {
      found.push(`${node.name.getText()}="${node.initializer.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('messages', () => {
  it('has a messages file with English\'s keys for every language', () => {
    for (const [code, messages] of Object.entries(MESSAGES)) expect(keys(messages).sort(), `messages/${code}.json`).toEqual(keys(en).sort());
  });

  it('has no English or Russian left in another language\'s messages, once formatted', () => {
    for (const [code, messages] of Object.entries(MESSAGES)) {
      const own = OWN_SCRIPT[code];
      const t = createTranslator({ locale: localeEntryOf(code).intlLocale, messages: messages as typeof en });
      const leftovers = keys(messages).flatMap((key) => {
        const template = key.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], messages) as string;
        // Every argument as the number 2: a plural takes its "other" form, a select its "other".
        const values = Object.fromEntries([...template.matchAll(/\{\s*(\w+)/g)].map(([, name]) => [name, 2]));
        const text = (t as unknown as (key: string, values: object) => string)(key, values);
        return Object.entries(FOREIGN_LETTERS)
          .filter(([script, letters]) => script !== own && letters.test(text))
          .map(([script]) => `${key} (${script}): ${text}`);
      });
      expect(leftovers, `messages/${code}.json`).toEqual([]);
    }
  });

  it('has no empty message', () => {
    for (const [name, messages] of Object.entries(MESSAGES)) {
      const empty = keys(messages).filter((key) => key.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], messages) === '');
      expect(empty, name).toEqual([]);
    }
  });

  it('is the only source of UI text in components and routes', () => {
    const offenders = [...sourceFiles('components'), ...sourceFiles('app')].flatMap((file) =>
      hardCodedStrings(file).map((text) => `${file}: ${text}`),
    );
    expect(offenders).toEqual([]);
  });

  it('finds a hard-coded string when there is one', () => {
    const probe = path.join(import.meta.dirname, 'fixtures', 'HardCoded.tsx');
    expect(hardCodedStrings(probe)).toEqual(['Related articles', 'aria-label="Close"']);
  });
});
