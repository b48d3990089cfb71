import { z } from 'zod';
import { DEFAULT_LOCALE, LOCALE_CODES } from '../../i18n/locales';

/**
 * The editors' contract: what one version file (`ru.md` / `en.md`) may say in its front matter.
 * Every field a translation may inherit is optional here; `mergeNeutral` decides what is
 * required once both versions of a story are known. Error messages are problem codes
 * (problemCatalog.ts), worded per language when printed.
 */

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = z
  .string()
  .max(120, 'text.tooLong')
  .regex(SLUG_PATTERN, 'slug.format');

// A date with an explicit offset, so "15 August" means the same day everywhere the site runs.
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;
export const isoDateTime = z
  .string({ error: 'date.format' })
  .regex(ISO_WITH_OFFSET, { error: 'date.format', abort: true })
  .refine(isRealDate, 'date.notReal');

// Date.parse rolls 2020-02-30 over into March; an editor's typo should be caught instead.
function isRealDate(value: string): boolean {
  const [, year, month, day, hour, minute] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value)!.map(Number);
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  return month! >= 1 && month! <= 12 && day! >= 1 && day! <= daysInMonth && hour! <= 23 && minute! <= 59 && !Number.isNaN(Date.parse(value));
}

const text = z.string({ error: 'text.type' }).trim().min(1, 'text.empty');

const httpUrl = z
  .string({ error: 'url.type' })
  .url('url.full')
  .refine((value) => /^https?:\/\//i.test(value), 'url.scheme');

const imageFile = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*\.(?:jpe?g|png|webp|avif)$/i, 'image.fileName');

export const imageFrontMatter = z
  .object(
    {
      src: imageFile.optional(),
      alt: text,
      caption: text.optional(),
      credit: text.optional(),
    },
    { error: 'image.group' },
  )
  .strict();

export const sourceFrontMatter = z
  .object({ name: text, url: httpUrl }, { error: 'source.group' })
  .strict();

const EDITORS_CHOICE = 'editorsChoice.invalid';

export const versionFrontMatter = z
  .object({
    title: text.max(200, 'text.tooLong'),
    date: isoDateTime.optional(),
    updated: isoDateTime.optional(),
    section: slug.optional(),
    summary: text.max(600, 'text.tooLong').optional(),
    tags: z.array(slug, { error: 'tags.list' }).max(12, 'tags.tooMany').optional(),
    author: text.optional(),
    image: imageFrontMatter.optional(),
    source: sourceFrontMatter.optional(),
    editorsChoice: z
      .union([z.literal(true), z.number().int(EDITORS_CHOICE).min(1, EDITORS_CHOICE)], { error: EDITORS_CHOICE })
      .optional(),
    related: z.array(slug, { error: 'related.list' }).max(10, 'related.tooMany').optional(),
    draft: z.boolean({ error: 'boolean.type' }).optional(),
    /** A live story: updates in its `updates/` folder, followed until `live: false` or `liveEnded`. */
    live: z.boolean({ error: 'boolean.type' }).optional(),
    liveEnded: isoDateTime.optional(),
  })
  .strict();

export type VersionFrontMatter = z.infer<typeof versionFrontMatter>;

/** One update of a live story: `news/{slug}/updates/{yyyy-mm-ddThh-mm}-{id}.{locale}.md`. */
export const updateFrontMatter = z
  .object({
    time: isoDateTime,
    headline: text.max(200, 'text.tooLong').optional(),
    author: text.optional(),
    /** Edited after it was published: shown as "Updated at …". */
    updated: isoDateTime.optional(),
    keyEvent: z.boolean({ error: 'boolean.type' }).optional(),
    pinned: z.boolean({ error: 'boolean.type' }).optional(),
  })
  .strict();

export type UpdateFrontMatter = z.infer<typeof updateFrontMatter>;

// A name in the default language, optionally one in each other language of i18n/locales.json
// (a missing one falls back: lib/content/taxonomy.ts), and no other key.
export const localizedName = z
  .object(Object.fromEntries(LOCALE_CODES.map((code) => [code, code === DEFAULT_LOCALE ? text : text.optional()])) as Record<string, z.ZodType<string | undefined>>)
  .strict();
export const taxonomyFile = z.record(slug, localizedName);
export type LocalizedName = z.infer<typeof localizedName>;
