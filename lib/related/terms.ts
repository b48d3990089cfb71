import { newStemmer } from 'snowball-stemmers';
import stopwords from 'stopwords-iso';
import type { Locale } from '../../i18n/routing';

const LANGUAGES: Record<Locale, { stemmer: ReturnType<typeof newStemmer>; stop: Set<string> }> = {
  ru: { stemmer: newStemmer('russian'), stop: new Set(stopwords.ru) },
  en: { stemmer: newStemmer('english'), stop: new Set(stopwords.en) },
};

/** Stems of the meaningful words of a text: lowercased, stop words dropped, Snowball-stemmed. */
export function terms(text: string, language: Locale): string[] {
  const { stemmer, stop } = LANGUAGES[language];
  const words = text.toLowerCase().replace(/ё/g, 'е').match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
  return words.filter((word) => word.length > 1 && !stop.has(word) && !/^\d+$/.test(word)).map((word) => stemmer.stem(word));
}
