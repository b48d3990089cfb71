import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';

export const SECTIONS_YAML = 'politics: { ru: Политика, en: Politics, hy: Քաղաքականություն }\nsecurity: { ru: Безопасность, en: Security, hy: Անվտանգություն }\n';
export const TAGS_YAML = 'eu: { ru: ЕС, en: EU, hy: ԵՄ }\narmenia: { ru: Армения, en: Armenia, hy: Հայաստան }\n';

/** A throwaway content root: `files` maps paths under it to their text. */
export async function makeContent(files: Record<string, string>, images: string[] = []) {
  const root = await mkdtemp(path.join(tmpdir(), 'content-'));
  const all = { 'sections.yaml': SECTIONS_YAML, 'tags.yaml': TAGS_YAML, ...files };
  for (const [file, text] of Object.entries(all)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  for (const file of images) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } }).jpeg().toFile(path.join(root, file));
  }
  await mkdir(path.join(root, 'news'), { recursive: true });
  return { root, cleanup: () => rm(root, { recursive: true, force: true }) };
}

/** A version file from front matter lines and a body. */
export function md(front: string, body = 'Body text of the story.') {
  return `---\n${front.trim()}\n---\n\n${body}\n`;
}
