import { describe, expect, it } from 'vitest';
import { normalize, stem, termOf, terms, tokens } from './analyzer';

describe('analyzer, Russian', () => {
  it('lowercases, folds «ё» to «е», drops stop words and stems', () => {
    expect(terms('Сотрудничество и сотрудничества в сфере обороны', 'ru')).toEqual(['сотрудничеств', 'сотрудничеств', 'сфер', 'оборон']);
    expect(terms('ЁЛКА ёлки елка', 'ru')).toEqual(['елк', 'елк', 'елк']);
  });

  it('keeps the words news is about, which long stop lists drop', () => {
    expect(terms('Россия Москва война Белый дом', 'ru')).toEqual(['росс', 'москв', 'войн', 'бел', 'дом']);
  });

  it('gives every case of a noun one stem, so word forms match', () => {
    expect(new Set(terms('газопровод газопровода газопроводу газопроводом газопроводе', 'ru'))).toEqual(new Set(['газопровод']));
    expect(new Set(terms('азербайджанский азербайджанского азербайджанском', 'ru'))).toEqual(new Set(['азербайджанск']));
  });

  it('keeps an adjective and its country apart', () => {
    expect(stem('азербайджанский', 'ru')).not.toBe(stem('азербайджан', 'ru'));
  });

  it('drops numbers by default and keeps them when asked', () => {
    expect(terms('Выборы 2024', 'ru')).toEqual(['выбор']);
    expect(terms('Выборы 2024', 'ru', { numbers: true })).toEqual(['выбор', '2024']);
  });

  it('splits hyphenated names into parts when asked', () => {
    expect(terms('Шах-Дениз', 'ru')).toEqual(['шах-дениз']);
    expect(terms('Шах-Дениз', 'ru', { splitCompounds: true })).toEqual(['шах', 'дениз']);
  });
});

describe('analyzer, English', () => {
  it('stems English and drops stop words and numbers', () => {
    expect(terms('The pipelines were inaugurated in 2018', 'en')).toEqual(['pipelin', 'inaugur']);
  });

  it('gives singular and plural one stem', () => {
    expect(terms('pipeline pipelines', 'en')).toEqual(['pipelin', 'pipelin']);
    expect(terms('Minerals mineral', 'en')).toEqual(['miner', 'miner']);
  });

  it('drops a possessive and splits hyphenated words when asked', () => {
    expect(terms("Georgia's post-election", 'en', { splitCompounds: true })).toEqual(['georgia', 'post', 'elect']);
  });

  it('keeps the words news is about, which long stop lists drop', () => {
    expect(terms('New world states', 'en')).toEqual(['new', 'world', 'state']);
  });

  it('has nothing to say about stop words alone', () => {
    expect(terms('the and of it', 'en')).toEqual([]);
    expect(termOf('the', 'en')).toBeUndefined();
  });
});

describe('analyzer, Armenian', () => {
  it('stems Armenian and drops its stop words', () => {
    expect(terms('Պայմանագրի տեքստը և պայմանագիր', 'hy')).toEqual([stem('պայմանագրի', 'hy'), stem('տեքստը', 'hy'), stem('պայմանագիր', 'hy')]);
    expect(termOf('և', 'hy')).toBeUndefined();
  });

  it('keeps a word whole across its in-word question or stress mark, and drops the mark', () => {
    expect(tokens('Ինչո՞ւ այդպե՛ս').map((token) => token.word)).toEqual(['ինչու', 'այդպես']);
    expect(normalize('Ինչո՞ւ')).toBe(normalize('ինչու'));
  });

  it('keeps the EU searchable: «ԵՄ» is not a stop word', () => {
    expect(terms('ԵՄ', 'hy')).toHaveLength(1);
  });

  it('joins words at the Armenian hyphen, and splits them there when asked', () => {
    expect(tokens('Հայաստան֊Ադրբեջան').map((token) => token.word)).toEqual(['հայաստան֊ադրբեջան']);
    expect(terms('Հայաստան֊Ադրբեջան', 'hy', { splitCompounds: true })).toHaveLength(2);
  });
});

describe('tokens', () => {
  it('reports where each word is in the original text', () => {
    const text = 'Ёж и «Georgia’s» путь';
    expect(tokens(text, { splitCompounds: true }).map((t) => [text.slice(t.start, t.end), t.word])).toEqual([
      ['Ёж', 'еж'],
      ['и', 'и'],
      ['Georgia', 'georgia'],
      ['s', 's'],
      ['путь', 'путь'],
    ]);
  });

  it('finds no words in markup, quotes or metacharacters', () => {
    expect(tokens('<>"\'%;--/*.*+?^$()[]{}|\\')).toEqual([]);
    expect(normalize('ЁЖ')).toBe('еж');
  });
});
