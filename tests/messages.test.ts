import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import en from '../messages/en.json';
import ru from '../messages/ru.json';

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
  it('has the same keys in ru.json and en.json', () => {
    expect(keys(ru).sort()).toEqual(keys(en).sort());
  });

  it('has no empty message', () => {
    for (const [name, messages] of Object.entries({ ru, en })) {
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
