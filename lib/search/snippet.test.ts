import { describe, expect, it } from 'vitest';
import { highlight, snippet, storySnippet, SNIPPET } from './snippet';

const marked = (segments: { text: string; match: boolean }[]) => segments.filter((s) => s.match).map((s) => s.text);
const plain = (segments: { text: string }[]) => segments.map((s) => s.text).join('');

describe('highlight', () => {
  it('marks every form of a matched word and keeps the text as it was', () => {
    const title = 'Газопровод TANAP: по газопроводу пошёл газ';
    const segments = highlight(title, new Set(['газопровод', 'газ']), 'ru');
    expect(plain(segments)).toBe(title);
    expect(marked(segments)).toEqual(['Газопровод', 'газопроводу', 'газ']);
  });

  it('keeps markup in the text as text, to be rendered as text nodes', () => {
    const title = '<script>alert("газ")</script> & <b>газ</b>';
    const segments = highlight(title, new Set(['газ']), 'ru');
    expect(plain(segments)).toBe(title);
    expect(marked(segments)).toEqual(['газ', 'газ']);
    expect(segments.find((s) => s.match && /[<>&"]/.test(s.text))).toBeUndefined();
  });

  it('marks the matching part of a hyphenated name', () => {
    expect(marked(highlight('месторождение Шах-Дениз', new Set(['дениз']), 'ru'))).toEqual(['Дениз']);
  });
});

describe('snippet', () => {
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `слово${i}`).join(' ');

  it('shows a window around the match, with ellipses where the text goes on', () => {
    const text = `${filler(100)} газопровод открыт ${filler(100)}`;
    const { segments } = snippet(text, new Set(['газопровод']), 'ru');
    const shown = plain(segments);
    expect(shown.startsWith('… ')).toBe(true);
    expect(shown.endsWith(' …')).toBe(true);
    expect(marked(segments)).toEqual(['газопровод']);
    expect(shown.split(' ').filter((w) => w !== '…').length).toBeLessThanOrEqual(SNIPPET.words);
  });

  it('prefers the window holding all the query’s words', () => {
    const text = `газ ${filler(60)} газ ${filler(60)} азербайджанский газ ${filler(60)}`;
    expect(marked(snippet(text, new Set(['газ', 'азербайджанск']), 'ru').segments)).toEqual(['азербайджанский', 'газ']);
  });

  it('opens the text when nothing in it matches, and collapses line breaks', () => {
    const { segments } = snippet('Первый абзац.\n\nВторой абзац.', new Set(['газ']), 'ru');
    expect(plain(segments)).toBe('Первый абзац. Второй абзац.');
  });

  it('takes the lead when it shows the query, else the body', () => {
    expect(marked(storySnippet('Газ пошёл в Европу.', 'Длинный текст без совпадений.', new Set(['газ']), 'ru'))).toEqual(['Газ']);
    expect(marked(storySnippet('Лид без совпадений.', 'В теле есть газ.', new Set(['газ']), 'ru'))).toEqual(['газ']);
  });
});
