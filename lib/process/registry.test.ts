import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keptFor, launcherSlots, PROCESS_SLOTS, processOpenedOnce, processSingleton, rememberFor, type ProcessSlot } from './registry';

// Names only a test uses: the registry's type refuses them elsewhere.
const testSlot = (name: string) => name as ProcessSlot;

describe('processSingleton', () => {
  it('creates a value once per name and returns the same object after', () => {
    let made = 0;
    const first = processSingleton(testSlot('test-singleton'), () => ({ n: ++made }));
    const second = processSingleton(testSlot('test-singleton'), () => ({ n: ++made }));
    expect(second).toBe(first);
    expect(made).toBe(1);
  });

  it('keeps the value on globalThis, where another bundle of the same process finds it', () => {
    const value = processSingleton(testSlot('test-global'), () => ['shared']);
    expect((globalThis as unknown as Record<symbol, unknown>)[Symbol.for('bilingual-news:test-global')]).toBe(value);
  });

  it('is what the launcher reads: the lifecycle it moves along is the app’s', () => {
    const lifecycle = launcherSlots.lifecycle(() => ({ state: 'starting', since: 1 }));
    expect(processSingleton('lifecycle', () => ({ state: 'ready', since: 2 }))).toBe(lifecycle);
  });
});

describe('processOpenedOnce', () => {
  it('opens once, and again after an opening that failed', async () => {
    const name = testSlot(`test:opened-once:${Math.random()}`);
    let opened = 0;
    const open = async () => {
      opened += 1;
      if (opened === 1) throw new Error('cannot connect');
      return opened;
    };
    await expect(processOpenedOnce(name, open)).rejects.toThrow('cannot connect');
    expect(await processOpenedOnce(name, open)).toBe(2);
    expect(await processOpenedOnce(name, open)).toBe(2);
    expect(opened).toBe(2);
  });
});

describe('keptFor', () => {
  it('computes once per object and key, and again for a new object', () => {
    let computed = 0;
    const content = {};
    expect(keptFor(content, 'a', () => ++computed)).toBe(1);
    expect(keptFor(content, 'a', () => ++computed)).toBe(1);
    expect(keptFor(content, 'b', () => ++computed)).toBe(2);
    expect(keptFor({}, 'a', () => ++computed)).toBe(3);
    rememberFor(content, 'c', 'known');
    expect(keptFor(content, 'c', () => 'computed')).toBe('known');
  });
});

describe('process-wide state in lib/', () => {
  const root = path.join(import.meta.dirname, '..');
  const sources: Array<{ file: string; text: string }> = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.(ts|tsx|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name) && !file.includes(`${path.sep}testing${path.sep}`)) {
        sources.push({ file: path.relative(root, file), text: readFileSync(file, 'utf8') });
      }
    }
  };
  walk(root);
  const appSources: Array<{ file: string; text: string }> = [];
  const walkApp = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walkApp(file);
      else if (/\.(ts|tsx)$/.test(name)) appSources.push({ file, text: readFileSync(file, 'utf8') });
    }
  };
  walkApp(path.join(root, '..', 'app'));

  it('has no module-level cache, variable or slot outside the registry (constants aside)', () => {
    // A worker thread's entry has a global scope of its own, not the process's shared one.
    const workerEntries = [path.join('og', 'cardWorker.ts')];
    const offenders = sources
      .filter(({ file }) => file !== path.join('process', 'registry.ts') && !workerEntries.includes(file))
      .filter(({ text }) => /^(?:export )?(?:let|var) /m.test(text) || /^(?:export )?const \w+(?::[^=]+)? = new (?:Map|WeakMap|WeakSet|LRUCache)\b/m.test(text) || /Symbol\.for\(|globalThis/.test(text))
      .map(({ file }) => file);
    expect(offenders).toEqual([]);
  });

  it('names every slot it uses in the registry, and the registry names none it does not use', () => {
    const used = new Set([...sources, ...appSources].flatMap(({ text }) => [...text.matchAll(/process(?:Singleton|OpenedOnce)(?:<[^>]+>)?\(\s*'([^']+)'/g)].map(([, name]) => name!)));
    for (const name of used) expect(PROCESS_SLOTS, name).toContain(name);
    for (const name of PROCESS_SLOTS.filter((slot) => slot !== 'peer-header' && slot !== 'lifecycle')) expect([...used], name).toContain(name);
  });
});
