import { z } from 'zod';
import registry from './locales.json' with { type: 'json' };

// The site's languages as data (i18n/locales.json, docs/adding-a-language.md): everything keyed by
// language (routing, negotiation, content files, taxonomy names, fonts, the text analyzer, feeds,
// hreflang, og:locale) derives from this list. What the entries name must also be installed
// (a stemmer, card font files): i18n/registryProblems.ts, checked before every build.

const subsetName = z.string().regex(/^[a-z]+(-[a-z]+)*$/, 'an @fontsource subset name like "latin" or "cyrillic-ext"');
const cardFont = z
  .object({
    /** An @fontsource package (without the scope) in dependencies: its WOFF files draw the card. */
    package: z.string().regex(/^[a-z0-9-]+$/, 'an @fontsource package name like "pt-sans"'),
    subsets: z.array(subsetName).min(1),
  })
  .strict();

const localeEntry = z
  .object({
    /** The URL prefix, content file name (`{code}.md`) and key of taxonomy names: `hy`. */
    code: z.string().regex(/^[a-z]{2,3}$/, 'a two- or three-letter ISO 639 code like "hy"'),
    /** BCP 47 tag for hreflang and <html lang>. */
    hreflang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 tag like "hy" or "hy-AM"'),
    /** The language's own name, as the switcher shows it: Հայերեն. */
    name: z.string().min(1),
    /** Open Graph locale: hy_AM. */
    ogLocale: z.string().regex(/^[a-z]{2,3}_[A-Z]{2}$/, 'an Open Graph locale like "hy_AM"'),
    dir: z.enum(['ltr', 'rtl']),
    /** The Intl locale of dates and numbers on cards and pages: hy. */
    intlLocale: z.string().min(2),
    /** The newsroom's time zone for this language's readers (IANA): Asia/Yerevan. */
    timeZone: z.string().refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'an IANA time zone like "Asia/Yerevan"'),
    default: z.boolean().optional(),
    /** Where a section's or tag's name is missing in this language, the one in this language (else the default's). */
    fallback: z.string().optional(),
    cardFonts: z.object({ headline: cardFont, text: cardFont }).strict(),
    analyzer: z
      .object({
        /** A Snowball stemmer name from snowball-stemmers ("armenian"; registryProblems.ts checks it), or null: lowercase and folding only. */
        stemmer: z.string().nullable(),
        /** Function words, space-separated, as typed. */
        stopWords: z.string(),
      })
      .strict(),
  })
  .strict();

const localeRegistry = z
  .object({ locales: z.array(localeEntry).min(1) })
  .strict()
  .superRefine(({ locales }, context) => {
    const codes = locales.map((entry) => entry.code);
    for (const [index, code] of codes.entries()) {
      if (codes.indexOf(code) !== index) context.addIssue({ code: 'custom', path: ['locales', index, 'code'], message: `"${code}" is listed twice` });
    }
    if (locales.filter((entry) => entry.default).length !== 1) context.addIssue({ code: 'custom', path: ['locales'], message: 'exactly one language needs "default": true' });
    for (const [index, { fallback }] of locales.entries()) {
      if (fallback !== undefined && !codes.includes(fallback)) context.addIssue({ code: 'custom', path: ['locales', index, 'fallback'], message: `"${fallback}" is not a code in this list` });
    }
  });

export type LocaleEntry = z.infer<typeof localeEntry>;

function readRegistry(): LocaleEntry[] {
  const parsed = localeRegistry.safeParse(registry);
  if (parsed.success) return parsed.data.locales;
  const lines = parsed.error.issues.map((issue) => `i18n/locales.json: ${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`The language registry is invalid:\n${lines.join('\n')}`);
}

/** Every language of the site, in the order the switcher and alternates list them. */
export const LOCALES: readonly LocaleEntry[] = readRegistry();

export const LOCALE_CODES: readonly string[] = LOCALES.map((entry) => entry.code);

export const DEFAULT_LOCALE: string = LOCALES.find((entry) => entry.default)!.code;

// By code, for the lookups made per URL of a sitemap or per link of a page.
const ENTRY_OF: Readonly<Record<string, LocaleEntry>> = Object.fromEntries(LOCALES.map((entry) => [entry.code, entry]));

/** The BCP 47 tag of a language the site has, for hreflang, `lang` and `inLanguage` (`x-default` stays). */
export function languageTag(code: string): string {
  return code === 'x-default' ? code : localeEntryOf(code).hreflang;
}

/** `<html>`'s lang and dir for a page in a language (dir only where it is right to left). */
export function documentLanguage(code: string): { lang: string; dir?: 'rtl' } {
  const { hreflang, dir } = localeEntryOf(code);
  return dir === 'rtl' ? { lang: hreflang, dir } : { lang: hreflang };
}

/** The registry entry of a language the site has. */
export function localeEntryOf(code: string): LocaleEntry {
  const entry = Object.hasOwn(ENTRY_OF, code) ? ENTRY_OF[code] : undefined;
  if (!entry) throw new Error(`no language "${code}" in i18n/locales.json`);
  return entry;
}
