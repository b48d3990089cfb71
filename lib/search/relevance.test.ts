import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../i18n/routing';
import { loadContent } from '../content/load';
import type { LoadedContent } from '../content/types';
import { findStories } from './findStories';
import { queryWords } from './query';
import { searchIndex } from './searchIndex';

// The relevance set: queries a reader would type, against the bundled content/, and the story
// that must come first. Changing the analyzer, the boosts or the recency nudge must keep these.
const FIRST: Record<Locale, Array<[query: string, slug: string]>> = {
  ru: [
    ['газопровод', 'tanap-pipeline-inauguration'],
    ['Шойгу', 'russia-azerbaijan-defence-cooperation'],
    ['азербайджанский', 'tap-pipeline-completed'],
    ['азербайджанский газ', 'tap-pipeline-completed'],
    ['зерновая инициатива', 'black-sea-grain-initiative'],
    ['санкции СПГ', 'eu-fourteenth-sanctions-package'],
    ['ОДКБ', 'armenia-freezes-csto-participation'],
    ['Санду', 'moldova-sandu-reelected'],
    ['Вильнюс', 'nato-vilnius-summit'],
    ['Боррель Афганистан', 'borrell-afghanistan-eu-engaged'],
    ['Грузинская мечта', 'georgia-parliamentary-election-2024'],
    ['мирный договор', 'armenia-azerbaijan-peace-treaty-text-agreed'],
    ['летнее время', 'azerbaijan-abolishes-daylight-saving-time'],
    ['недра', 'us-ukraine-minerals-deal'],
    ['Белый дом', 'washington-armenia-azerbaijan-declaration'],
    ['Москва прекращение огня', 'karabakh-april-2016-escalation'],
    // A typo (one edit) and the start of a word.
    ['газапровод', 'tanap-pipeline-inauguration'],
    ['зернов', 'black-sea-grain-initiative'],
  ],
  en: [
    ['gas pipeline', 'tanap-pipeline-inauguration'],
    ['minerals deal', 'us-ukraine-minerals-deal'],
    ['Borrell Afghanistan', 'borrell-afghanistan-eu-engaged'],
    ['Shoigu', 'russia-azerbaijan-defence-cooperation'],
    ['grain initiative', 'black-sea-grain-initiative'],
    ['CSTO', 'armenia-freezes-csto-participation'],
    ['Vilnius summit', 'nato-vilnius-summit'],
    ['Georgian Dream', 'georgia-parliamentary-election-2024'],
    ['peace treaty', 'armenia-azerbaijan-peace-treaty-text-agreed'],
    ['LNG transshipment', 'eu-fourteenth-sanctions-package'],
    ['Trans Adriatic', 'tap-pipeline-completed'],
    ['Rouhani', 'putin-visits-baku-trilateral-summit'],
    ['candidate status', 'georgia-eu-candidate-status'],
    ['civilian mission', 'eu-mission-in-armenia'],
    ['White House declaration', 'washington-armenia-azerbaijan-declaration'],
    ['ceasefire Moscow', 'karabakh-april-2016-escalation'],
    ['Shah-Deniz', 'tap-pipeline-completed'],
    ['pipelne', 'tanap-pipeline-inauguration'],
    ['minera', 'us-ukraine-minerals-deal'],
  ],
  hy: [
    ['Շոյգուի', 'russia-azerbaijan-defence-cooperation'],
    ['պաշտպանական համագործակցությունը', 'russia-azerbaijan-defence-cooperation'],
    ['հանրաքվեով', 'armenia-azerbaijan-peace-treaty-text-agreed'],
    ['անսպասելի բեկումը', 'armenia-azerbaijan-peace-treaty-text-agreed'],
    ['ՀԱՊԿ', 'armenia-freezes-csto-participation'],
    ['Գյումռի', 'armenia-freezes-csto-participation'],
    ['Եղեգնաձորում', 'eu-mission-in-armenia'],
    ['անզեն դիտորդները', 'eu-mission-in-armenia'],
    ['Մակռոնի', 'eu-mission-in-armenia'],
    ['Սյունի', 'washington-armenia-azerbaijan-declaration'],
    ['Նոբելյան մրցանակ', 'washington-armenia-azerbaijan-declaration'],
    ['Շուշիի', 'karabakh-ceasefire-statement-2020'],
    ['Լաչինի միջանցքը', 'karabakh-ceasefire-statement-2020'],
    ['խաղաղապ', 'karabakh-ceasefire-statement-2020'],
    ['ապրիլյան մարտերը', 'karabakh-april-2016-escalation'],
    ['Լավրովը', 'karabakh-april-2016-escalation'],
  ],
};

// Fixed, so the recency nudge does not change with the day the tests run.
const visibility = { now: Date.parse('2026-01-01T00:00:00Z'), includeDrafts: false };
let content: LoadedContent;

beforeAll(async () => {
  // Frozen fixture content: editors adding stories to content/ never move these expectations.
  content = await loadContent(path.resolve(import.meta.dirname, '../../tests/fixtures/content'));
});

function search(locale: Locale, query: string): string[] {
  const { words } = queryWords(query, locale);
  return findStories(searchIndex(content, locale), words, { filters: {}, sort: 'relevance', visibility }).map((hit) => hit.story.slug);
}

describe('relevance against the bundled stories', () => {
  for (const [locale, queries] of Object.entries(FIRST)) {
    for (const [query, slug] of queries) {
      it(`${locale}: “${query}” finds ${slug} first`, () => {
        expect(search(locale, query)[0]).toBe(slug);
      });
    }
  }

  it('finds both pipelines for «газопровод» and "gas pipeline", and nothing unrelated', () => {
    expect(search('ru', 'газопровод').slice(0, 2).sort()).toEqual(['tanap-pipeline-inauguration', 'tap-pipeline-completed']);
    expect(search('en', 'gas pipeline').slice(0, 2).sort()).toEqual(['tanap-pipeline-inauguration', 'tap-pipeline-completed']);
    expect(search('en', 'Borrell Afghanistan')).toEqual(['borrell-afghanistan-eu-engaged']);
  });

  it('searches a language’s own stories only', () => {
    expect(search('en', 'газопровод')).toEqual([]);
    expect(search('ru', 'pipeline')).toEqual([]);
    // Written in Russian only: not among the English results.
    expect(search('en', 'daylight saving')).toEqual([]);
  });
});
