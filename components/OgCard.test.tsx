import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { CARD_SIZE } from '@/lib/og/cardResponse';
import { workerDrawer } from '@/lib/og/cardDrawer';
import { cardFonts } from '@/lib/og/fonts';
import { OgCard, type OgCardProps } from './OgCard';

// Drawn as the site draws them: in the card worker (lib/og/cardDrawer.ts).
const drawer = workerDrawer(cardFonts, CARD_SIZE);

function render(props: Partial<OgCardProps>) {
  return drawer.draw(<OgCard siteName="Обозрение" headline="" lang="ru" {...props} />);
}

/** Pixels of the headline area, greyscale. */
async function headlineArea(png: Buffer) {
  return sharp(png).extract({ left: 64, top: 120, width: 600, height: 300 }).greyscale().raw().toBuffer();
}

function difference(a: Buffer, b: Buffer) {
  let changed = 0;
  for (let i = 0; i < a.length; i += 1) if (Math.abs(a[i]! - b[i]!) > 64) changed += 1;
  return changed / a.length;
}

describe('OgCard', () => {
  it('renders a 1200x630 PNG', async () => {
    const meta = await sharp(await render({ headline: 'Россия и Азербайджан' })).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
  });

  it('wears a LIVE badge for a story followed live now', async () => {
    const kickerArea = (png: Buffer) => sharp(png).extract({ left: 64, top: 60, width: 300, height: 50 }).greyscale().raw().toBuffer();
    const plain = await kickerArea(await render({ headline: 'Переговоры', kicker: 'Безопасность' }));
    const live = await kickerArea(await render({ headline: 'Переговоры', kicker: 'Безопасность', liveLabel: 'Онлайн' }));
    expect(difference(live, plain)).toBeGreaterThan(0.1);
  });

  it('draws real Armenian glyphs from the bundled font, on an Armenian card and on a Russian one', async () => {
    for (const lang of ['hy', 'ru']) {
      const a = await headlineArea(await render({ headline: 'ԱԱԱԱԱ ԱԱԱԱԱ', lang }));
      const b = await headlineArea(await render({ headline: 'ՕՕՕՕՕ ՕՕՕՕՕ', lang }));
      const blank = await headlineArea(await render({ headline: ' ', lang }));
      expect(difference(a, blank), lang).toBeGreaterThan(0.02);
      expect(difference(a, b), lang).toBeGreaterThan(0.02);
    }
  });

  it('draws real Cyrillic glyphs, not boxes: different letters give different pixels', async () => {
    // Missing glyphs all render as the same box, so two different words would look alike.
    const a = await headlineArea(await render({ headline: 'ЖЖЖЖЖ ЖЖЖЖЖ' }));
    const b = await headlineArea(await render({ headline: 'ООООО ООООО' }));
    const blank = await headlineArea(await render({ headline: ' ' }));
    expect(difference(a, blank)).toBeGreaterThan(0.02);
    expect(difference(a, b)).toBeGreaterThan(0.02);
  });

  it('draws Latin glyphs too, in the same headline', async () => {
    const mixed = await headlineArea(await render({ headline: 'NATO и ЕС' }));
    const other = await headlineArea(await render({ headline: 'XYZW и ЕС' }));
    expect(difference(mixed, other)).toBeGreaterThan(0.005);
  });

  it('keeps a very long headline inside the card', async () => {
    const png = await render({ headline: 'Очень длинный заголовок '.repeat(30), kicker: 'Политика', dateText: '15 августа 2016 г.' });
    // The footer line (site name, date) is still drawn below the headline block.
    const footer = await sharp(png).extract({ left: 64, top: 540, width: 600, height: 40 }).greyscale().raw().toBuffer();
    expect(Math.min(...footer)).toBeLessThan(128);
  });
});
