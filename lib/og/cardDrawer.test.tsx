import '@/lib/og/testing/nodeShims';
import { ImageResponse } from '@vercel/og';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { OgCard } from '@/components/OgCard';
import { plainElement, workerDrawer } from './cardDrawer';
import { CARD_SIZE } from './cardResponse';
import { cardFonts } from './fonts';

const card = (headline: string) => <OgCard siteName="Обозрение" headline={headline} kicker="Политика" dateText="7 декабря 2026 г." lang="ru" />;

/** The longest the event loop was held while `work` ran, in ms: the widest gap between 1 ms ticks. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  await work();
  clearInterval(tick);
  return longest;
}

describe('cards drawn in a worker', () => {
  const drawer = workerDrawer(cardFonts, CARD_SIZE);

  it('are the cards the page components describe, as plain host elements that can cross to the worker', () => {
    const plain = plainElement(card('Заголовок'));
    expect(JSON.parse(JSON.stringify(plain))).toEqual(plain);
    expect(JSON.stringify(plain)).toContain('"type":"div"');
    expect(JSON.stringify(plain)).toContain('Заголовок');
  });

  it('draw the same pixels as on the main thread', async () => {
    const inWorker = await drawer.draw(card('Россия и Азербайджан'));
    const here = Buffer.from(await new ImageResponse(card('Россия и Азербайджан'), { ...CARD_SIZE, fonts: await cardFonts() }).arrayBuffer());
    const [a, b] = await Promise.all([inWorker, here].map((png) => sharp(png).raw().toBuffer()));
    expect(a!.equals(b!)).toBe(true);
  });

  it('leave the main thread free: a burst of cards never holds it for a card’s drawing time', async () => {
    await drawer.draw(card('warm'));
    const headlines = Array.from({ length: 6 }, (_, i) => `Заголовок номер ${i} о переговорах в Ереване и Баку`);
    const onMainThread = await longestStall(() => Promise.all(headlines.map(async (headline) => new ImageResponse(card(headline), { ...CARD_SIZE, fonts: await cardFonts() }).arrayBuffer())));
    const inWorker = await longestStall(() => Promise.all(headlines.map((headline) => drawer.draw(card(headline)))));
    console.log(`longest stall: ${onMainThread.toFixed(0)} ms drawn here, ${inWorker.toFixed(0)} ms in the worker`);
    expect(inWorker).toBeLessThan(onMainThread / 3);
  });

  it('stop when idle, to give back their memory, and start again for the next card', async () => {
    const quick = workerDrawer(cardFonts, CARD_SIZE, 50);
    const first = await quick.draw(card('Первая'));
    expect(quick.running).toBe(true);
    await expect.poll(() => quick.running, { timeout: 5_000 }).toBe(false);
    const again = await quick.draw(card('Первая'));
    expect(again.equals(first)).toBe(true);
  });

  it('rest at once when told (after the warm-up), never while a card is asked for or drawn', async () => {
    const resting = workerDrawer(cardFonts, CARD_SIZE);
    resting.rest();
    await resting.draw(card('Вторая'));
    // Told just as the next card is asked for, before it reaches the worker: it is drawn all the same.
    const next = resting.draw(card('Третья'));
    resting.rest();
    expect((await next).subarray(1, 4).toString()).toBe('PNG');
    expect(resting.running).toBe(true);
    resting.rest();
    expect(resting.running).toBe(false);
  });
});
