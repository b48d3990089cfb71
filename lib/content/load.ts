import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import sharp from 'sharp';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { routing, type Locale } from '../../i18n/routing';
import { parseFrontMatter, type FrontMatterFile } from './frontMatter';
import { renderMarkdown } from './markdown';
import { SLUG_PATTERN, taxonomyFile, versionFrontMatter, type VersionFrontMatter } from './schema';
import type { ContentProblem, Story, StoryImage, StoryVersion, Taxonomy } from './types';

export interface LoadedContent {
  /** Every valid story, drafts and scheduled ones included: visibility is decided when querying. */
  stories: Map<string, Story>;
  taxonomy: Taxonomy;
  problems: ContentProblem[];
}

/** Facts that do not depend on language: written once, inherited by the sibling version. */
const NEUTRAL_FIELDS = ['date', 'updated', 'section', 'tags', 'editorsChoice', 'related'] as const;

interface ParsedVersion {
  locale: Locale;
  file: string;
  front: VersionFrontMatter;
  source: FrontMatterFile;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined), data);
}

function zodProblems(error: z.ZodError, file: string, source: FrontMatterFile): ContentProblem[] {
  return error.issues.map((issue) => {
    const field = issue.path.join('.') || undefined;
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}: check the spelling (see docs/editing.md for the fields)`;
    } else if (issue.code === 'invalid_type' && valueAt(source.data, issue.path) === undefined) {
      message = `is required: add it (${issue.message})`;
    }
    return { file, line: source.lineOf(issue.path), field, message };
  });
}

async function readTaxonomy(root: string, name: string, problems: ContentProblem[]) {
  const file = name;
  let text: string;
  try {
    text = await readFile(path.join(root, file), 'utf8');
  } catch {
    problems.push({ file, message: `is missing: create it with entries like "politics: { ru: Политика, en: Politics }"` });
    return {};
  }
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    problems.push({ file, message: `YAML syntax: ${doc.errors[0]?.message.split('\n')[0]}` });
    return {};
  }
  const parsed = taxonomyFile.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({
        file,
        field: issue.path.join('.') || undefined,
        message: `${issue.message} (each entry needs a name in ru and en, like "politics: { ru: Политика, en: Politics }")`,
      });
    }
    return {};
  }
  return parsed.data;
}

async function readVersion(
  root: string,
  slug: string,
  locale: Locale,
  problems: ContentProblem[],
): Promise<ParsedVersion | undefined> {
  const file = `news/${slug}/${locale}.md`;
  let text: string;
  try {
    text = await readFile(path.join(root, file), 'utf8');
  } catch {
    return undefined;
  }
  const parsed = parseFrontMatter(text, file);
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return undefined;
  }
  const front = versionFrontMatter.safeParse(parsed.value.data);
  if (!front.success) {
    problems.push(...zodProblems(front.error, file, parsed.value));
    return undefined;
  }
  if (parsed.value.body.trim() === '') {
    problems.push({ file, message: 'has no text: write the story below the closing "---"' });
    return undefined;
  }
  return { locale, file, front: front.data, source: parsed.value };
}

/** The version that carries the neutral facts: the one with a date, Russian first on a tie. */
function pickOriginal(versions: ParsedVersion[]): ParsedVersion {
  return versions.find((v) => v.front.date !== undefined) ?? versions[0]!;
}

function mergeNeutral(versions: ParsedVersion[], problems: ContentProblem[]) {
  const merged: Partial<Pick<VersionFrontMatter, (typeof NEUTRAL_FIELDS)[number]>> & { imageSrc?: string } = {};
  let ok = true;
  const fields = [...NEUTRAL_FIELDS, 'imageSrc'] as const;
  for (const field of fields) {
    let holder: ParsedVersion | undefined;
    for (const version of versions) {
      const value = field === 'imageSrc' ? version.front.image?.src : version.front[field];
      if (value === undefined) continue;
      if (!holder) {
        holder = version;
        (merged as Record<string, unknown>)[field] = value;
        continue;
      }
      const held = (merged as Record<string, unknown>)[field];
      if (!isDeepStrictEqual(held, value)) {
        ok = false;
        const yamlField = field === 'imageSrc' ? 'image.src' : field;
        problems.push({
          file: version.file,
          line: version.source.lineOf(field === 'imageSrc' ? ['image', 'src'] : [field]),
          field: yamlField,
          message: `contradicts ${path.basename(holder.file)} (${JSON.stringify(value)} here, ${JSON.stringify(held)} there): write it once in one version, or make both the same`,
        });
      }
    }
  }
  return ok ? merged : undefined;
}

async function readImage(root: string, slug: string, file: string): Promise<StoryImage | undefined> {
  try {
    const bytes = await readFile(path.join(root, 'news', slug, file));
    const meta = await sharp(bytes).metadata();
    if (!meta.width || !meta.height) return undefined;
    // The content hash versions the photo's and the card's URLs, so caches can keep them forever.
    const version = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
    return { file, url: `/media/${slug}/${file}?v=${version}`, version, bytes: bytes.byteLength, width: meta.width, height: meta.height };
  } catch {
    return undefined;
  }
}

/** `summary` or the first paragraph; never empty for a valid version. */
function toStoryVersion(version: ParsedVersion): StoryVersion {
  const body = renderMarkdown(version.source.body);
  const { front } = version;
  return {
    locale: version.locale,
    title: front.title,
    summary: front.summary ?? body.firstParagraph,
    author: front.author,
    imageAlt: front.image?.alt,
    imageCaption: front.image?.caption,
    imageCredit: front.image?.credit,
    source: front.source,
    bodyHtml: body.html,
    bodyText: body.text,
    wordCount: body.wordCount,
  };
}

/** One story folder; its problems go to its own list, since folders load concurrently. */
async function loadStory(
  root: string,
  slug: string,
  taxonomy: Taxonomy,
  problems: ContentProblem[],
): Promise<Story | undefined> {
  const folder = `news/${slug}`;
  if (!SLUG_PATTERN.test(slug) || slug.length > 120) {
    problems.push({
      file: folder,
      message: 'folder name is not a valid slug: rename it to lowercase ASCII letters, digits and single hyphens, like "my-story-2024"',
    });
    return undefined;
  }
  const entries = await readdir(path.join(root, folder));
  for (const entry of entries) {
    if (entry.endsWith('.md') && !routing.locales.some((locale) => entry === `${locale}.md`)) {
      problems.push({
        file: `${folder}/${entry}`,
        message: `is not a known version: name it ${routing.locales.map((l) => `${l}.md`).join(' or ')}`,
      });
    }
  }
  const before = problems.length;
  const versions = (
    await Promise.all(routing.locales.map((locale) => readVersion(root, slug, locale, problems)))
  ).filter((v): v is ParsedVersion => v !== undefined);
  if (problems.length > before) return undefined;
  if (versions.length === 0) {
    problems.push({ file: folder, message: `has no story file: add ${routing.locales.map((l) => `${l}.md`).join(' or ')}` });
    return undefined;
  }

  const neutral = mergeNeutral(versions, problems);
  if (!neutral) return undefined;
  const original = pickOriginal(versions);
  const required: Array<[keyof typeof neutral, string]> = [
    ['date', 'date: 2016-08-15T09:00:00+04:00'],
    ['section', 'section: politics'],
  ];
  for (const [field, example] of required) {
    if (neutral[field] === undefined) {
      problems.push({ file: original.file, field, message: `is required in one version: add a line like "${example}"` });
    }
  }
  if (!neutral.date || !neutral.section) return undefined;

  if (!taxonomy.sections[neutral.section]) {
    problems.push({
      file: original.file,
      line: original.source.lineOf(['section']),
      field: 'section',
      message: `"${neutral.section}" is not in sections.yaml: use one of ${Object.keys(taxonomy.sections).join(', ')} or add it there`,
    });
  }
  for (const tag of neutral.tags ?? []) {
    if (!taxonomy.tags[tag]) {
      problems.push({
        file: original.file,
        line: original.source.lineOf(['tags']),
        field: 'tags',
        message: `"${tag}" is not in tags.yaml: use a listed tag or add it there with its ru and en names`,
      });
    }
  }

  let image: StoryImage | undefined;
  const withImage = versions.filter((v) => v.front.image);
  if (withImage.length > 0 || neutral.imageSrc) {
    if (!neutral.imageSrc) {
      const v = withImage[0]!;
      problems.push({ file: v.file, line: v.source.lineOf(['image']), field: 'image.src', message: 'is required in one version: name the photo file in the story folder, like "src: photo.jpg"' });
    } else {
      image = await readImage(root, slug, neutral.imageSrc);
      if (!image) {
        const v = versions.find((x) => x.front.image?.src) ?? original;
        problems.push({
          file: v.file,
          line: v.source.lineOf(['image', 'src']),
          field: 'image.src',
          message: `"${neutral.imageSrc}" is not a readable image in ${folder}/: add the file or correct the name`,
        });
      }
      for (const v of versions) {
        if (!v.front.image) {
          problems.push({ file: v.file, field: 'image.alt', message: 'the story has a photo: describe it in this language with image.alt (and caption)' });
        }
      }
    }
  }

  if (neutral.related?.includes(slug)) {
    problems.push({ file: original.file, field: 'related', message: 'lists the story itself: remove it' });
  }
  if (neutral.updated && Date.parse(neutral.updated) < Date.parse(neutral.date)) {
    problems.push({ file: original.file, field: 'updated', message: 'is before date: an update comes after publication' });
  }
  if (problems.length > before) return undefined;

  const versionMap: Story['versions'] = {};
  for (const version of versions) versionMap[version.locale] = toStoryVersion(version);
  return {
    slug,
    date: neutral.date,
    localDate: neutral.date.slice(0, 10),
    published: Date.parse(neutral.date),
    updated: neutral.updated,
    section: neutral.section,
    tags: neutral.tags ?? [],
    image,
    editorsChoice:
      neutral.editorsChoice === undefined ? undefined : neutral.editorsChoice === true ? Number.MAX_SAFE_INTEGER : neutral.editorsChoice,
    related: neutral.related ?? [],
    draft: versions.some((v) => v.front.draft === true),
    original: original.locale,
    versions: versionMap,
  };
}

/** Reads and validates the whole content root. Never throws for bad content: it reports problems. */
export async function loadContent(root: string): Promise<LoadedContent> {
  const problems: ContentProblem[] = [];
  const taxonomy: Taxonomy = {
    sections: await readTaxonomy(root, 'sections.yaml', problems),
    tags: await readTaxonomy(root, 'tags.yaml', problems),
  };
  let slugs: string[] = [];
  try {
    const entries = await readdir(path.join(root, 'news'), { withFileTypes: true });
    slugs = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  } catch {
    problems.push({ file: 'news', message: `is missing: the content root ${root} needs a news/ folder with one folder per story` });
  }
  const stories = new Map<string, Story>();
  const loaded = await Promise.all(
    slugs.map(async (slug) => {
      const own: ContentProblem[] = [];
      const story = await loadStory(root, slug, taxonomy, own);
      problems.push(...own);
      return story;
    }),
  );
  for (const story of loaded) if (story) stories.set(story.slug, story);

  for (const story of stories.values()) {
    for (const related of story.related) {
      if (!stories.has(related) && !slugs.includes(related)) {
        problems.push({
          file: `news/${story.slug}/${story.original}.md`,
          field: 'related',
          message: `"${related}" is not a story: use the folder name of an existing story under news/`,
        });
      }
    }
  }
  problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return { stories, taxonomy, problems };
}

/** Where the content lives: CONTENT_DIR when set (tests, benchmarks), else ./content. */
export function contentRoot(): string {
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.CONTENT_DIR ?? 'content');
}

export async function contentRootExists(root: string): Promise<boolean> {
  return stat(root).then((s) => s.isDirectory()).catch(() => false);
}
