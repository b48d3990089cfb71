import { z } from 'zod';

/**
 * The editors' contract: what one version file (`ru.md` / `en.md`) may say in its front matter.
 * Every field a translation may inherit is optional here; `mergeVersions` decides what is
 * required once both versions of a story are known.
 */

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = z
  .string()
  .max(120, 'must be at most 120 characters')
  .regex(SLUG_PATTERN, 'must be lowercase ASCII letters, digits and single hyphens, like "my-story-2024"');

// A date with an explicit offset, so "15 August" means the same day everywhere the site runs.
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;
export const isoDateTime = z
  .string({ error: 'must be a date and time with offset, like 2016-08-15T09:00:00+04:00' })
  .regex(ISO_WITH_OFFSET, { error: 'must be a date and time with offset, like 2016-08-15T09:00:00+04:00', abort: true })
  .refine(isRealDate, 'is not a real calendar date');

// Date.parse rolls 2020-02-30 over into March; an editor's typo should be caught instead.
function isRealDate(value: string): boolean {
  const [, year, month, day, hour, minute] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value)!.map(Number);
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  return month! >= 1 && month! <= 12 && day! >= 1 && day! <= daysInMonth && hour! <= 23 && minute! <= 59 && !Number.isNaN(Date.parse(value));
}

const text = z.string({ error: 'must be text' }).trim().min(1, 'must not be empty');

const httpUrl = z
  .string({ error: 'must be a web address' })
  .url('must be a full web address, like https://example.org/')
  .refine((value) => /^https?:\/\//i.test(value), 'must start with https:// or http://');

const imageFile = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*\.(?:jpe?g|png|webp|avif)$/i, 'must be a file name in the story folder, like photo.jpg');

export const imageFrontMatter = z
  .object(
    {
      src: imageFile.optional(),
      alt: text,
      caption: text.optional(),
      credit: text.optional(),
    },
    { error: 'must be a group of fields (src, alt, caption, credit), each on its own indented line' },
  )
  .strict();

export const sourceFrontMatter = z
  .object({ name: text, url: httpUrl }, { error: 'must be a group of fields (name, url), each on its own indented line' })
  .strict();

const EDITORS_CHOICE = 'must be true or a whole number from 1 (1 is shown first)';

export const versionFrontMatter = z
  .object({
    title: text.max(200, 'must be at most 200 characters'),
    date: isoDateTime.optional(),
    updated: isoDateTime.optional(),
    section: slug.optional(),
    summary: text.max(600, 'must be at most 600 characters').optional(),
    tags: z.array(slug, { error: 'must be a list, like [armenia, eu]' }).max(12, 'must list at most 12 tags').optional(),
    author: text.optional(),
    image: imageFrontMatter.optional(),
    source: sourceFrontMatter.optional(),
    editorsChoice: z
      .union([z.literal(true), z.number().int(EDITORS_CHOICE).min(1, EDITORS_CHOICE)], { error: EDITORS_CHOICE })
      .optional(),
    related: z.array(slug, { error: 'must be a list, like [other-story-slug]' }).max(10, 'must list at most 10 stories').optional(),
    draft: z.boolean({ error: 'must be true or false' }).optional(),
  })
  .strict();

export type VersionFrontMatter = z.infer<typeof versionFrontMatter>;

export const localizedName = z.object({ ru: text, en: text }).strict();
export const taxonomyFile = z.record(slug, localizedName);
export type LocalizedName = z.infer<typeof localizedName>;
