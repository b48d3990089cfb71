// Synthetic Russian/English content for benchmarks at realistic scale: a CONTENT_DIR with N stories that
// all pass `npm run content:check`. Same --seed, same files, byte for byte, so figures from two
// runs compare like for like.
// Usage: tsx bench/generate-content.ts --count 10000 --out /tmp/news-10k [--seed 1] [--from content]
//        [--until 2026-01-01]   (stories are dated over the ten years before --until)
import { copyFile, link, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { parse } from 'yaml';
import { mulberry32 } from '../lib/testing/mulberry32';

// ---------------------------------------------------------------------------------------------
// Deterministic randomness: every story draws from its own stream, so generation order (and the
// bounded parallel writes) cannot change the output.

type Rng = () => number;

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/** A stream per story, seeded from its parts (lib/testing/mulberry32.ts). */
function rngFor(...parts: Array<string | number>): Rng {
  return mulberry32(hash(parts.join('\u0000')));
}

const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
// Real newsrooms write far more about some sections and tags than others.
const pickSkewed = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() ** 1.8 * list.length)]!;

function pickDistinct<T>(rng: Rng, list: readonly T[], count: number): T[] {
  const pool = [...list];
  const picked: T[] = [];
  while (picked.length < count && pool.length > 0) picked.push(pool.splice(Math.floor(rng() * pool.length), 1)[0]!);
  return picked;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary. Russian forms are spelled out per case so sentences stay grammatical.

interface Country {
  slug: string;
  ru: { nom: string; gen: string; loc: string };
  en: string;
  capital: { ruLoc: string; ruAcc: string; en: string };
}

const COUNTRIES: Country[] = [
  { slug: 'russia', ru: { nom: 'Россия', gen: 'России', loc: 'в России' }, en: 'Russia', capital: { ruLoc: 'в Москве', ruAcc: 'Москву', en: 'Moscow' } },
  { slug: 'azerbaijan', ru: { nom: 'Азербайджан', gen: 'Азербайджана', loc: 'в Азербайджане' }, en: 'Azerbaijan', capital: { ruLoc: 'в Баку', ruAcc: 'Баку', en: 'Baku' } },
  { slug: 'armenia', ru: { nom: 'Армения', gen: 'Армении', loc: 'в Армении' }, en: 'Armenia', capital: { ruLoc: 'в Ереване', ruAcc: 'Ереван', en: 'Yerevan' } },
  { slug: 'georgia', ru: { nom: 'Грузия', gen: 'Грузии', loc: 'в Грузии' }, en: 'Georgia', capital: { ruLoc: 'в Тбилиси', ruAcc: 'Тбилиси', en: 'Tbilisi' } },
  { slug: 'ukraine', ru: { nom: 'Украина', gen: 'Украины', loc: 'в Украине' }, en: 'Ukraine', capital: { ruLoc: 'в Киеве', ruAcc: 'Киев', en: 'Kyiv' } },
  { slug: 'moldova', ru: { nom: 'Молдова', gen: 'Молдовы', loc: 'в Молдове' }, en: 'Moldova', capital: { ruLoc: 'в Кишинёве', ruAcc: 'Кишинёв', en: 'Chisinau' } },
  { slug: 'turkey', ru: { nom: 'Турция', gen: 'Турции', loc: 'в Турции' }, en: 'Turkey', capital: { ruLoc: 'в Анкаре', ruAcc: 'Анкару', en: 'Ankara' } },
  { slug: 'iran', ru: { nom: 'Иран', gen: 'Ирана', loc: 'в Иране' }, en: 'Iran', capital: { ruLoc: 'в Тегеране', ruAcc: 'Тегеран', en: 'Tehran' } },
  { slug: 'usa', ru: { nom: 'США', gen: 'США', loc: 'в США' }, en: 'the United States', capital: { ruLoc: 'в Вашингтоне', ruAcc: 'Вашингтон', en: 'Washington' } },
  { slug: 'kazakhstan', ru: { nom: 'Казахстан', gen: 'Казахстана', loc: 'в Казахстане' }, en: 'Kazakhstan', capital: { ruLoc: 'в Астане', ruAcc: 'Астану', en: 'Astana' } },
  { slug: 'uzbekistan', ru: { nom: 'Узбекистан', gen: 'Узбекистана', loc: 'в Узбекистане' }, en: 'Uzbekistan', capital: { ruLoc: 'в Ташкенте', ruAcc: 'Ташкент', en: 'Tashkent' } },
];

interface Topic {
  slug: string;
  ru: { nom: string; gen: string; acc: string };
  en: string;
  /** Tags worth adding when they exist in tags.yaml. */
  tags: string[];
}

const topic = (slug: string, nom: string, gen: string, acc: string, en: string, ...tags: string[]): Topic => ({ slug, ru: { nom, gen, acc }, en, tags });

const TOPICS: Record<string, Topic[]> = {
  politics: [
    topic('parliamentary-elections', 'парламентские выборы', 'парламентских выборов', 'парламентские выборы', 'parliamentary elections', 'elections'),
    topic('constitutional-reform', 'конституционная реформа', 'конституционной реформы', 'конституционную реформу', 'constitutional reform'),
    topic('government-crisis', 'правительственный кризис', 'правительственного кризиса', 'правительственный кризис', 'the government crisis'),
    topic('media-law', 'закон о СМИ', 'закона о СМИ', 'закон о СМИ', 'the media law'),
    topic('local-elections', 'местные выборы', 'местных выборов', 'местные выборы', 'local elections', 'elections'),
    topic('judicial-reform', 'судебная реформа', 'судебной реформы', 'судебную реформу', 'judicial reform'),
    topic('presidential-vote', 'президентские выборы', 'президентских выборов', 'президентские выборы', 'the presidential vote', 'elections'),
  ],
  security: [
    topic('border-incident', 'пограничный инцидент', 'пограничного инцидента', 'пограничный инцидент', 'the border incident', 'defence'),
    topic('military-exercises', 'военные учения', 'военных учений', 'военные учения', 'military exercises', 'defence', 'nato'),
    topic('arms-purchases', 'закупки вооружений', 'закупок вооружений', 'закупки вооружений', 'arms purchases', 'defence'),
    topic('peacekeeping-mission', 'миротворческая миссия', 'миротворческой миссии', 'миротворческую миссию', 'the peacekeeping mission', 'karabakh'),
    topic('demining', 'разминирование', 'разминирования', 'разминирование', 'demining', 'karabakh'),
    topic('border-delimitation', 'делимитация границы', 'делимитации границы', 'делимитацию границы', 'border delimitation', 'peace-process'),
    topic('cyber-attack', 'кибератака', 'кибератаки', 'кибератаку', 'the cyber attack'),
  ],
  economy: [
    topic('trade-turnover', 'торговый оборот', 'торгового оборота', 'торговый оборот', 'trade turnover'),
    topic('inflation', 'инфляция', 'инфляции', 'инфляцию', 'inflation'),
    topic('national-currency', 'курс национальной валюты', 'курса национальной валюты', 'курс национальной валюты', 'the national currency'),
    topic('transport-corridor', 'транспортный коридор', 'транспортного коридора', 'транспортный коридор', 'the transport corridor'),
    topic('foreign-investment', 'иностранные инвестиции', 'иностранных инвестиций', 'иностранные инвестиции', 'foreign investment'),
    topic('state-budget', 'государственный бюджет', 'государственного бюджета', 'государственный бюджет', 'the state budget'),
    topic('critical-minerals', 'добыча редких металлов', 'добычи редких металлов', 'добычу редких металлов', 'critical minerals mining', 'minerals'),
    topic('sanctions-compliance', 'соблюдение санкций', 'соблюдения санкций', 'соблюдение санкций', 'sanctions compliance', 'sanctions'),
  ],
  diplomacy: [
    topic('peace-treaty', 'мирный договор', 'мирного договора', 'мирный договор', 'the peace treaty', 'peace-process'),
    topic('visa-regime', 'визовый режим', 'визового режима', 'визовый режим', 'the visa regime', 'eu'),
    topic('bilateral-relations', 'двусторонние отношения', 'двусторонних отношений', 'двусторонние отношения', 'bilateral relations'),
    topic('summit-talks', 'переговоры на высшем уровне', 'переговоров на высшем уровне', 'переговоры на высшем уровне', 'summit talks'),
    topic('partnership-agreement', 'соглашение о партнёрстве', 'соглашения о партнёрстве', 'соглашение о партнёрстве', 'the partnership agreement', 'eu'),
    topic('prisoner-exchange', 'обмен пленными', 'обмена пленными', 'обмен пленными', 'the prisoner exchange', 'peace-process'),
    topic('eu-accession', 'вступление в ЕС', 'вступления в ЕС', 'вступление в ЕС', 'EU accession', 'eu', 'enlargement'),
  ],
  energy: [
    topic('gas-supplies', 'поставки газа', 'поставок газа', 'поставки газа', 'gas supplies', 'gas'),
    topic('oil-pipeline', 'нефтепровод', 'нефтепровода', 'нефтепровод', 'the oil pipeline'),
    topic('electricity-tariffs', 'тарифы на электроэнергию', 'тарифов на электроэнергию', 'тарифы на электроэнергию', 'electricity tariffs'),
    topic('hydropower-plant', 'строительство ГЭС', 'строительства ГЭС', 'строительство ГЭС', 'the hydropower plant'),
    topic('lng-exports', 'экспорт СПГ', 'экспорта СПГ', 'экспорт СПГ', 'LNG exports', 'gas'),
    topic('green-hydrogen', 'зелёный водород', 'зелёного водорода', 'зелёный водород', 'green hydrogen'),
    topic('undersea-cable', 'подводный кабель', 'подводного кабеля', 'подводный кабель', 'the undersea cable', 'eu'),
  ],
};
const ALL_TOPICS = Object.values(TOPICS).flat();

/** Rarer words, a few per story, so search and TF-IDF see a long tail of terms. */
const KEYWORDS: Array<[ru: string, en: string]> = [
  ['водоснабжение', 'water supply'], ['таможенное оформление', 'customs clearance'], ['вакцинация', 'vaccination'],
  ['логистика', 'logistics'], ['туризм', 'tourism'], ['высшее образование', 'higher education'], ['пенсионная система', 'pensions'],
  ['ипотека', 'mortgages'], ['урожай зерна', 'the grain harvest'], ['экспорт вина', 'wine exports'], ['кибербезопасность', 'cybersecurity'],
  ['трудовая миграция', 'labour migration'], ['паромное сообщение', 'ferry services'], ['железная дорога', 'the railway'],
  ['авиасообщение', 'air links'], ['ветропарк', 'the wind farm'], ['солнечная энергетика', 'solar power'], ['добыча меди', 'copper mining'],
  ['золотой рудник', 'the gold mine'], ['марганец', 'manganese'], ['литий', 'lithium'], ['цифровая таможня', 'digital customs'],
  ['экологический мониторинг', 'environmental monitoring'], ['лесные пожары', 'wildfires'], ['засуха', 'drought'], ['наводнение', 'flooding'],
  ['землетрясение', 'the earthquake'], ['гуманитарная помощь', 'humanitarian aid'], ['беженцы', 'refugees'], ['права человека', 'human rights'],
  ['свобода прессы', 'press freedom'], ['коррупция', 'corruption'], ['антикоррупционное бюро', 'the anti-corruption bureau'],
  ['центральный банк', 'the central bank'], ['учётная ставка', 'the key interest rate'], ['денежные переводы', 'remittances'],
  ['банковский сектор', 'the banking sector'], ['страховой рынок', 'the insurance market'], ['фондовая биржа', 'the stock exchange'],
  ['малый бизнес', 'small business'], ['сельское хозяйство', 'agriculture'], ['ирригация', 'irrigation'], ['рыболовство', 'fisheries'],
  ['морской порт', 'the seaport'], ['контейнерные перевозки', 'container shipping'], ['автомобильная дорога', 'the highway'],
  ['пограничный переход', 'the border crossing'], ['Каспийское море', 'the Caspian Sea'], ['Чёрное море', 'the Black Sea'],
  ['Средний коридор', 'the Middle Corridor'], ['Зангезурский коридор', 'the Zangezur corridor'], ['Южный газовый коридор', 'the Southern Gas Corridor'],
  ['Трансанатолийский газопровод', 'the Trans-Anatolian Pipeline'], ['нефтепровод Баку — Тбилиси — Джейхан', 'the Baku-Tbilisi-Ceyhan pipeline'],
  ['атомная электростанция', 'the nuclear power plant'], ['энергоэффективность', 'energy efficiency'], ['электромобили', 'electric vehicles'],
  ['полупроводники', 'semiconductors'], ['искусственный интеллект', 'artificial intelligence'], ['спутниковая связь', 'satellite communications'],
  ['оптоволоконная связь', 'fibre-optic links'], ['дата-центр', 'the data centre'], ['электронное правительство', 'e-government'],
  ['перепись населения', 'the census'], ['демография', 'demographics'], ['здравоохранение', 'healthcare'], ['фармацевтика', 'pharmaceuticals'],
  ['культурное наследие', 'cultural heritage'], ['реставрация', 'restoration'], ['музейные экспонаты', 'museum exhibits'],
  ['спортивные соревнования', 'sports competitions'], ['олимпийская сборная', 'the Olympic team'], ['студенческий обмен', 'student exchange'],
  ['научное сотрудничество', 'scientific cooperation'], ['архивные документы', 'archival documents'], ['военная реформа', 'military reform'],
  ['призыв', 'conscription'], ['противовоздушная оборона', 'air defence'], ['беспилотники', 'drones'], ['морская безопасность', 'maritime security'],
  ['гражданская авиация', 'civil aviation'], ['визовые центры', 'visa centres'], ['консульская служба', 'consular services'],
  ['санкционный список', 'the sanctions list'], ['экспортный контроль', 'export controls'], ['реэкспорт', 're-export'],
];

const ACTORS: Array<{ ru: (c: Country) => { nom: string; gen: string }; en: (c: Country) => string }> = [
  { ru: (c) => ({ nom: `министр иностранных дел ${c.ru.gen}`, gen: `министра иностранных дел ${c.ru.gen}` }), en: (c) => `the foreign minister of ${c.en}` },
  { ru: (c) => ({ nom: `президент ${c.ru.gen}`, gen: `президента ${c.ru.gen}` }), en: (c) => `the president of ${c.en}` },
  { ru: (c) => ({ nom: `премьер-министр ${c.ru.gen}`, gen: `премьер-министра ${c.ru.gen}` }), en: (c) => `the prime minister of ${c.en}` },
  { ru: (c) => ({ nom: `посол ${c.ru.gen}`, gen: `посла ${c.ru.gen}` }), en: (c) => `the ambassador of ${c.en}` },
  { ru: (c) => ({ nom: `представитель МИД ${c.ru.gen}`, gen: `представителя МИД ${c.ru.gen}` }), en: (c) => `a spokesman for the foreign ministry of ${c.en}` },
  { ru: (c) => ({ nom: `министр экономики ${c.ru.gen}`, gen: `министра экономики ${c.ru.gen}` }), en: (c) => `the economy minister of ${c.en}` },
  { ru: (c) => ({ nom: `вице-премьер ${c.ru.gen}`, gen: `вице-премьера ${c.ru.gen}` }), en: (c) => `the deputy prime minister of ${c.en}` },
  { ru: (c) => ({ nom: `министр энергетики ${c.ru.gen}`, gen: `министра энергетики ${c.ru.gen}` }), en: (c) => `the energy minister of ${c.en}` },
];
const VERBS: Array<[string, string]> = [['заявил', 'said'], ['сообщил', 'announced'], ['подчеркнул', 'stressed'], ['отметил', 'noted'], ['напомнил', 'recalled'], ['указал', 'pointed out']];
const TIMES: Array<[string, string]> = [
  ['в понедельник', 'on Monday'], ['во вторник', 'on Tuesday'], ['в среду', 'on Wednesday'], ['в четверг', 'on Thursday'],
  ['в пятницу', 'on Friday'], ['накануне', 'the day before'], ['на этой неделе', 'this week'], ['на брифинге', 'at a briefing'],
];
const QUOTES: Array<[string, string]> = [
  ['Мы рассчитываем на конструктивный ответ наших партнёров', 'We count on a constructive response from our partners'],
  ['Это важный шаг, но работа только начинается', 'This is an important step, but the work is only beginning'],
  ['Диалог продолжится на уровне экспертов', 'The dialogue will continue at expert level'],
  ['Мы не видим альтернативы переговорам', 'We see no alternative to negotiations'],
  ['Решение было непростым, но необходимым', 'The decision was not easy, but it was necessary'],
  ['Наша позиция остаётся неизменной', 'Our position remains unchanged'],
  ['Мы ожидаем конкретных результатов до конца года', 'We expect concrete results before the end of the year'],
  ['Регион нуждается в стабильности и предсказуемости', 'The region needs stability and predictability'],
];
const SOURCES = [
  { name: 'Reuters', url: 'https://www.reuters.com/' },
  { name: 'Trend', url: 'https://en.trend.az/' },
  { name: 'commonspace.eu', url: 'https://www.commonspace.eu/' },
  { name: 'Civil.ge', url: 'https://civil.ge/' },
  { name: 'Armenpress', url: 'https://armenpress.am/' },
  { name: 'TASS', url: 'https://tass.com/' },
  { name: 'Euronews', url: 'https://www.euronews.com/' },
];
const DESKS: Record<string, [string, string]> = {
  politics: ['Политическая редакция', 'Political desk'],
  security: ['Отдел безопасности', 'Security desk'],
  economy: ['Экономическая редакция', 'Economics desk'],
  diplomacy: ['Дипломатическая редакция', 'Diplomatic desk'],
  energy: ['Отдел энергетики', 'Energy desk'],
};
const MONTHS_RU_GEN = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
function pluralRu(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

// ---------------------------------------------------------------------------------------------
// The plan: the language-neutral facts of every story, decided up front so `related` can point
// at stories that exist and roles (drafts, scheduled, editor's choice) have exact counts.

interface Plan {
  index: number;
  slug: string;
  section: string;
  topic: Topic;
  countries: [Country, Country];
  tags: string[];
  published: number;
  offsetHours: 3 | 4;
  updatedAfterHours?: number;
  original: 'ru' | 'en';
  translated: boolean;
  image?: number;
  editorsChoice?: number | true;
  draft: boolean;
  related: string[];
}

interface Taxonomies {
  sections: string[];
  tags: string[];
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000;
const IMAGE_VARIANTS = 6;

function planStories(count: number, seed: string, taxonomies: Taxonomies, until: number): Plan[] {
  const rng = rngFor(seed, 'plan');
  const knownTags = new Set(taxonomies.tags);
  const order = pickDistinct(rng, Array.from({ length: count }, (_, i) => i), count);
  const share = (fraction: number) => (count >= 20 ? Math.max(1, Math.round(count * fraction)) : 0);
  const drafts = new Set(order.slice(0, share(0.01)));
  const scheduled = new Set(order.slice(drafts.size, drafts.size + share(0.01)));
  const choiceStart = drafts.size + scheduled.size;
  const choices = order.slice(choiceStart, choiceStart + Math.min(24, Math.max(count >= 5 ? 3 : 0, share(0.005))));

  const plans: Plan[] = [];
  for (let index = 0; index < count; index += 1) {
    const section = pickSkewed(rng, taxonomies.sections);
    const theme = pick(rng, TOPICS[section] ?? ALL_TOPICS);
    const [a, b] = pickDistinct(rng, COUNTRIES, 2) as [Country, Country];
    const tags = new Set<string>();
    for (const tag of [a.slug, b.slug, ...theme.tags]) if (knownTags.has(tag)) tags.add(tag);
    for (let extra = int(rng, 0, 2); extra > 0; extra -= 1) tags.add(pickSkewed(rng, taxonomies.tags));
    const isScheduled = scheduled.has(index);
    // Scheduled stories sit years ahead so they stay scheduled whenever the benchmark runs.
    const published = isScheduled ? until + (5 + rng() * 5) * YEAR_MS : until - rng() * 10 * YEAR_MS;
    const original = rng() < 0.1 ? 'en' : 'ru';
    const choiceRank = choices.indexOf(index);
    plans.push({
      index,
      slug: `${theme.slug}-${a.slug}-${String(index + 1).padStart(5, '0')}`,
      section,
      topic: theme,
      countries: [a, b],
      tags: [...tags].slice(0, 12),
      published: Math.floor(published / 300_000) * 300_000,
      offsetHours: rng() < 0.7 ? 4 : 3,
      updatedAfterHours: rng() < 0.15 ? int(rng, 1, 72) : undefined,
      original,
      translated: original === 'en' || rng() >= 0.15,
      image: rng() < 0.75 ? int(rng, 0, IMAGE_VARIANTS - 1) : undefined,
      editorsChoice: choiceRank < 0 ? undefined : choiceRank < 8 ? choiceRank + 1 : true,
      draft: drafts.has(index),
      related: [],
    });
  }

  const bySection = new Map<string, Plan[]>();
  for (const plan of plans) bySection.set(plan.section, [...(bySection.get(plan.section) ?? []), plan]);
  for (const plan of plans) {
    const peers = bySection.get(plan.section)!.filter((other) => other !== plan);
    plan.related = pickDistinct(rng, peers, Math.min(peers.length, pick(rng, [0, 0, 1, 2, 3]))).map((p) => p.slug);
  }
  return plans;
}

// ---------------------------------------------------------------------------------------------
// Text: each sentence is made as a Russian/English pair from the same picks, so the translation
// says what the original says.

interface Pair {
  ru: string;
  en: string;
}

const SENTENCE_KINDS = Array.from({ length: 17 }, (_, kind) => kind);
/** Sentences that say something specific enough to lead a story. */
const LEAD_KINDS = [0, 2, 8, 14];

function sentence(rng: Rng, plan: Plan, keywords: Array<[string, string]>, kind: number): Pair {
  const [a, b] = rng() < 0.5 ? plan.countries : ([plan.countries[1], plan.countries[0]] as const);
  const actor = pick(rng, ACTORS);
  const [verbRu, verbEn] = pick(rng, VERBS);
  const [timeRu, timeEn] = pick(rng, TIMES);
  const t = plan.topic;
  const year = new Date(plan.published).getUTCFullYear() - int(rng, 1, 6);
  const [kwRu, kwEn] = pick(rng, keywords);
  switch (kind) {
    case 0:
      return { ru: `${capitalize(actor.ru(a).nom)} ${verbRu} ${timeRu}, что ${a.ru.nom} рассчитывает на прогресс в вопросе ${t.ru.gen}.`, en: `${capitalize(actor.en(a))} ${verbEn} ${timeEn} that ${a.en} expected progress on ${t.en}.` };
    case 1:
      return { ru: `На переговорах ${b.capital.ruLoc} обсуждался вопрос ${t.ru.gen}.`, en: `Talks in ${b.capital.en} covered ${t.en}.` };
    case 2:
      return { ru: `По словам ${actor.ru(a).gen}, ${a.ru.nom} и ${b.ru.nom} близки к соглашению по вопросу ${t.ru.gen}.`, en: `According to ${actor.en(a)}, ${a.en} and ${b.en} are close to an agreement on ${t.en}.` };
    case 3:
      return { ru: 'Стороны договорились продолжить консультации в ближайшие недели.', en: 'The sides agreed to continue consultations in the coming weeks.' };
    case 4: {
      const months = pick(rng, [3, 6, 9, 12]);
      const percent = (rng() * 30).toFixed(1);
      return { ru: `По данным статистической службы ${a.ru.gen}, за ${months} ${pluralRu(months, 'месяц', 'месяца', 'месяцев')} показатель изменился на ${percent.replace('.', ',')}%.`, en: `According to the statistics office of ${a.en}, the figure changed by ${percent}% over ${months} months.` };
    }
    case 5:
      return { ru: `Отдельно стороны затронули тему «${kwRu}».`, en: `The sides also touched on ${kwEn}.` };
    case 6:
      return { ru: `В ${year} году стороны уже подписывали меморандум, однако его выполнение затянулось.`, en: `The sides signed a memorandum in ${year}, but its implementation stalled.` };
    case 7:
      return { ru: `Оппозиция ${a.ru.loc} раскритиковала позицию правительства по вопросу ${t.ru.gen}.`, en: `The opposition in ${a.en} criticised the government's position on ${t.en}.` };
    case 8:
      return { ru: `${capitalize(actor.ru(b).nom)} ${verbRu}, что власти ${b.ru.gen} готовы к диалогу, но не намерены отказываться от своих позиций.`, en: `${capitalize(actor.en(b))} ${verbEn} that the authorities of ${b.en} were ready for dialogue but would not give up their positions.` };
    case 9: {
      const years = int(rng, 2, 15);
      return { ru: `Визит ${actor.ru(a).gen} в ${b.capital.ruAcc} стал первым за ${years} ${pluralRu(years, 'год', 'года', 'лет')}.`, en: `The visit of ${actor.en(a)} to ${b.capital.en} was the first in ${years} years.` };
    }
    case 10:
      return { ru: `Наблюдатели связывают это с изменением ситуации в регионе после ${year} года.`, en: `Observers link this to the changed situation in the region since ${year}.` };
    case 11:
      return { ru: `Эксперты ожидают, что вопрос ${t.ru.gen} останется в повестке дня, а тема «${kwRu}» приобретёт большее значение.`, en: `Experts expect ${t.en} to remain on the agenda and ${kwEn} to gain in importance.` };
    case 12: {
      const millions = int(rng, 5, 2500);
      return { ru: `Объём проекта оценивается в ${millions} млн долларов.`, en: `The project is estimated at $${millions} million.` };
    }
    case 14: {
      const years = int(rng, 2, 10);
      return { ru: `Правительство ${a.ru.gen} утвердило программу по направлению «${kwRu}» на ${years} ${pluralRu(years, 'год', 'года', 'лет')}.`, en: `The government of ${a.en} approved a ${years}-year programme on ${kwEn}.` };
    }
    case 15:
      return { ru: `${capitalize(b.capital.ruLoc)} прошла конференция, посвящённая теме «${kwRu}».`, en: `A conference on ${kwEn} was held in ${b.capital.en}.` };
    case 16:
      return { ru: `Аналитики считают, что тема «${kwRu}» может стать для ${a.ru.gen} и ${b.ru.gen} новой точкой соприкосновения.`, en: `Analysts believe ${kwEn} could become new common ground for ${a.en} and ${b.en}.` };
    default: {
      const [quoteRu, quoteEn] = pick(rng, QUOTES);
      return { ru: `${capitalize(actor.ru(a).nom)} ${verbRu} ${timeRu}: «${quoteRu}».`, en: `${capitalize(actor.en(a))} ${verbEn} ${timeEn}: "${quoteEn}."` };
    }
  }
}

function title(rng: Rng, plan: Plan): Pair {
  const [a, b] = plan.countries;
  const t = plan.topic;
  switch (int(rng, 0, 4)) {
    case 0:
      return { ru: `${a.ru.nom} и ${b.ru.nom} обсудили ${t.ru.acc}`, en: `${capitalize(a.en)} and ${b.en} discuss ${t.en}` };
    case 1:
      return { ru: `${a.ru.nom}: ${t.ru.nom} в центре внимания`, en: `${capitalize(a.en)}: ${t.en} in focus` };
    case 2:
      return { ru: `Глава МИД ${a.ru.gen} посетил ${b.capital.ruAcc}`, en: `Foreign minister of ${a.en} visits ${b.capital.en}` };
    case 3:
      return { ru: `${capitalize(a.ru.loc)} обсуждают ${t.ru.acc}`, en: `${capitalize(a.en)} debates ${t.en}` };
    default:
      return { ru: `${a.ru.nom} и ${b.ru.nom} договорились по вопросу ${t.ru.gen}`, en: `${capitalize(a.en)} and ${b.en} reach agreement on ${t.en}` };
  }
}

function body(rng: Rng, plan: Plan, keywords: Array<[string, string]>, source: (typeof SOURCES)[number] | undefined): Pair {
  const ru: string[] = [];
  const en: string[] = [];
  const paragraphs = int(rng, 3, 9);
  for (let p = 0; p < paragraphs; p += 1) {
    // No template twice in a paragraph: repetition would read as generated even to a benchmark.
    const sentences = pickDistinct(rng, SENTENCE_KINDS, int(rng, 2, 5)).map((kind) => sentence(rng, plan, keywords, kind));
    let paragraphRu = sentences.map((s) => s.ru).join(' ');
    let paragraphEn = sentences.map((s) => s.en).join(' ');
    if (p === 0 && rng() < 0.3) {
      // Emphasis on the first mention, as editors do.
      const [a] = plan.countries;
      paragraphRu = paragraphRu.replace(a.ru.nom, `**${a.ru.nom}**`);
      paragraphEn = paragraphEn.replace(a.en, `**${a.en}**`);
    }
    ru.push(paragraphRu);
    en.push(paragraphEn);
    if (p === 1 && rng() < 0.3) {
      const [quoteRu, quoteEn] = pick(rng, QUOTES);
      ru.push(`> «${quoteRu}», — говорится в заявлении.`);
      en.push(`> "${quoteEn}," the statement said.`);
    }
    if (p === 2 && rng() < 0.15) {
      ru.push(`Основные темы встречи:\n\n${keywords.map(([k]) => `- ${k}`).join('\n')}`);
      en.push(`The main topics of the meeting:\n\n${keywords.map(([, k]) => `- ${k}`).join('\n')}`);
    }
  }
  if (source) {
    ru.push(`Подробнее — на сайте [${source.name}](${source.url}).`);
    en.push(`More at [${source.name}](${source.url}).`);
  }
  return { ru: ru.join('\n\n'), en: en.join('\n\n') };
}

function isoWithOffset(utcMs: number, offsetHours: number): string {
  const local = new Date(utcMs + offsetHours * 3600_000).toISOString().slice(0, 19);
  return `${local}+${String(offsetHours).padStart(2, '0')}:00`;
}

const q = (text: string) => JSON.stringify(text);

/** The two files of one story: the original carries the neutral facts, the translation inherits. */
function renderStory(plan: Plan, seed: string): Partial<Record<'ru' | 'en', string>> {
  const rng = rngFor(seed, 'story', plan.index);
  const keywords = pickDistinct(rng, KEYWORDS, int(rng, 3, 6));
  const source = rng() < 0.5 ? pick(rng, SOURCES) : undefined;
  const head = title(rng, plan);
  const lead = sentence(rng, plan, keywords, pick(rng, LEAD_KINDS));
  const text = body(rng, plan, keywords, source);
  const [deskRu, deskEn] = DESKS[plan.section] ?? ['Редакция', 'Newsroom'];
  const [a, b] = plan.countries;
  const local = new Date(plan.published + plan.offsetHours * 3600_000);
  const day = local.getUTCDate();
  const month = local.getUTCMonth();
  const year = local.getUTCFullYear();
  const pictured = pick(rng, ACTORS);
  const caption: Pair = {
    ru: `${capitalize(pictured.ru(a).nom)} ${b.capital.ruLoc}, ${day} ${MONTHS_RU_GEN[month]} ${year} года.`,
    en: `${capitalize(pictured.en(a))} in ${b.capital.en}, ${day} ${MONTHS_EN[month]} ${year}.`,
  };

  const files: Partial<Record<'ru' | 'en', string>> = {};
  for (const locale of ['ru', 'en'] as const) {
    if (locale !== plan.original && !plan.translated) continue;
    const isOriginal = locale === plan.original;
    const lines = ['---', `title: ${q(head[locale])}`];
    if (isOriginal) {
      lines.push(`date: ${isoWithOffset(plan.published, plan.offsetHours)}`);
      if (plan.updatedAfterHours) lines.push(`updated: ${isoWithOffset(plan.published + plan.updatedAfterHours * 3600_000, plan.offsetHours)}`);
      lines.push(`section: ${plan.section}`);
    }
    lines.push(`summary: ${q(lead[locale])}`);
    if (isOriginal && plan.tags.length > 0) lines.push(`tags: [${plan.tags.join(', ')}]`);
    lines.push(`author: ${q(locale === 'ru' ? deskRu : deskEn)}`);
    if (plan.image !== undefined) {
      lines.push('image:');
      if (isOriginal) lines.push('  src: photo.jpg');
      lines.push(
        `  alt: ${q(locale === 'ru' ? 'Иллюстрация: абстрактная композиция из кругов и линий' : 'Illustration: abstract composition of circles and lines')}`,
        `  caption: ${q(caption[locale])}`,
        `  credit: ${q(locale === 'ru' ? 'Иллюстрация: редакция' : 'Illustration: newsroom')}`,
      );
    }
    if (source) lines.push('source:', `  name: ${q(source.name)}`, `  url: ${q(source.url)}`);
    if (isOriginal) {
      if (plan.editorsChoice !== undefined) lines.push(`editorsChoice: ${plan.editorsChoice}`);
      if (plan.related.length > 0) lines.push(`related: [${plan.related.join(', ')}]`);
      if (plan.draft) lines.push('draft: true');
    }
    lines.push('---', text[locale], '');
    files[locale] = lines.join('\n');
  }
  return files;
}

// ---------------------------------------------------------------------------------------------
// Files.

/** A few distinct abstract pictures; stories share them through hard links (copies across devices). */
async function drawImages(dir: string, seed: string): Promise<string[]> {
  const palettes = [
    ['#1e3a8a', '#3b82f6', '#93c5fd'], ['#7f1d1d', '#dc2626', '#fca5a5'], ['#14532d', '#16a34a', '#86efac'],
    ['#4c1d95', '#8b5cf6', '#c4b5fd'], ['#7c2d12', '#ea580c', '#fdba74'], ['#134e4a', '#0d9488', '#99f6e4'],
  ];
  const files: string[] = [];
  for (let i = 0; i < IMAGE_VARIANTS; i += 1) {
    const rng = rngFor(seed, 'image', i);
    const [dark, mid, light] = palettes[i % palettes.length]!;
    const circles = Array.from({ length: 8 }, () =>
      `<circle cx="${int(rng, 0, 1200)}" cy="${int(rng, 0, 675)}" r="${int(rng, 40, 260)}" fill="${pick(rng, [mid, light])}" fill-opacity="${(0.3 + rng() * 0.5).toFixed(2)}"/>`,
    ).join('');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675"><rect width="1200" height="675" fill="${dark}"/>${circles}</svg>`;
    const file = path.join(dir, `variant-${i}.jpg`);
    await sharp(Buffer.from(svg)).jpeg({ quality: 78, mozjpeg: true }).toFile(file);
    files.push(file);
  }
  return files;
}

async function placeImage(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}

/** Runs `task` over `items` with at most `limit` in flight, so open files stay bounded. */
export async function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

const MARKER = '.generated-content.json';

/** Refuses to touch a folder that was not made by this script, then clears it. */
async function prepareOut(out: string): Promise<void> {
  const entries = await readdir(out).catch(() => undefined);
  if (entries && entries.length > 0) {
    if (!entries.includes(MARKER)) throw new Error(`${out} is not empty and was not made by bench/generate-content.ts: pick another --out`);
    await rm(out, { recursive: true, force: true });
  }
  await mkdir(path.join(out, 'news'), { recursive: true });
}

async function readTaxonomies(from: string, out: string): Promise<Taxonomies> {
  const result: Taxonomies = { sections: [], tags: [] };
  for (const name of ['sections', 'tags'] as const) {
    const text = await readFile(path.join(from, `${name}.yaml`), 'utf8');
    await writeFile(path.join(out, `${name}.yaml`), text);
    result[name] = Object.keys((parse(text) ?? {}) as Record<string, unknown>);
    if (result[name].length === 0) throw new Error(`${from}/${name}.yaml lists nothing`);
  }
  return result;
}

export interface GenerateOptions {
  count: number;
  out: string;
  seed: string;
  from: string;
  until: number;
}

export async function generateContent(options: GenerateOptions): Promise<Plan[]> {
  const { count, out, seed } = options;
  await prepareOut(out);
  const taxonomies = await readTaxonomies(options.from, out);
  const plans = planStories(count, seed, taxonomies, options.until);
  const imageDir = await mkdtemp(path.join(os.tmpdir(), 'bench-images-'));
  try {
    const images = await drawImages(imageDir, seed);
    await forEachLimited(plans, 32, async (plan) => {
      const folder = path.join(out, 'news', plan.slug);
      await mkdir(folder, { recursive: true });
      for (const [locale, text] of Object.entries(renderStory(plan, seed))) await writeFile(path.join(folder, `${locale}.md`), text);
      if (plan.image !== undefined) await placeImage(images[plan.image]!, path.join(folder, 'photo.jpg'));
    });
  } finally {
    await rm(imageDir, { recursive: true, force: true });
  }
  await writeFile(path.join(out, MARKER), `${JSON.stringify({ generator: 'bench/generate-content.ts', count, seed, until: new Date(options.until).toISOString() }, null, 2)}\n`);
  return plans;
}

function parseCli(): GenerateOptions {
  const { values } = parseArgs({
    options: {
      count: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      from: { type: 'string', default: 'content' },
      until: { type: 'string', default: '2026-01-01' },
    },
  });
  const count = Number(values.count);
  const until = Date.parse(`${values.until}T00:00:00Z`);
  if (!values.out || !Number.isInteger(count) || count < 1 || Number.isNaN(until)) {
    console.error('usage: tsx bench/generate-content.ts --count N --out DIR [--seed S] [--from content] [--until YYYY-MM-DD]');
    process.exit(2);
  }
  return { count, out: path.resolve(values.out), seed: values.seed, from: path.resolve(values.from), until };
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '');
if (isMain) {
  const options = parseCli();
  const started = performance.now();
  const plans = await generateContent(options).catch((error: unknown) => {
    console.error(`generate-content: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  });
  const countOf = (test: (plan: Plan) => boolean) => plans.filter(test).length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `generated ${plans.length} stories in ${options.out} (seed ${options.seed}) in ${seconds} s: ` +
      `${countOf((p) => p.draft)} drafts, ${countOf((p) => p.published > Date.now())} scheduled, ` +
      `${countOf((p) => !p.translated)} Russian-only, ${countOf((p) => p.original === 'en')} English originals, ` +
      `${countOf((p) => p.image !== undefined)} with a photo, ${countOf((p) => p.editorsChoice !== undefined)} editor's choice`,
  );
  console.log(`check it: CONTENT_DIR=${options.out} npm run content:check`);
}
