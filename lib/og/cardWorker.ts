// Draws social cards off the main thread (lib/og/cardDrawer.ts starts it): a card takes a core for
// 100-400 ms of layout and rasterizing, and on the main thread a burst of them (a crawler, a link
// preview service) would hold every page request behind it. Started by path at run time, outside
// Next's bundles: erasable TypeScript that Node runs as it is.
import { createRequire } from 'node:module';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { CardDrawRequest, CardDrawAnswer, CardWorkerData } from './cardDrawer.ts';

// @vercel/og's Node build loads HarfBuzz through an Emscripten loader that expects CommonJS
// `require` and a `__dirname` holding hb.wasm, which Next's bundler provides and a worker does not.
const require = createRequire(import.meta.url);
const globals = globalThis as Record<string, unknown>;
globals.require ??= require;
globals.__dirname ??= path.dirname(require.resolve('harfbuzzjs/package.json'));
const { ImageResponse } = await import('@vercel/og');

const { size, fonts } = workerData as CardWorkerData;

parentPort?.on('message', async ({ id, element }: CardDrawRequest) => {
  let answer: CardDrawAnswer;
  try {
    const image = new ImageResponse(element as never, { ...size, fonts: fonts.map((font) => ({ ...font, data: font.data.buffer as ArrayBuffer })) });
    answer = { id, png: new Uint8Array(await image.arrayBuffer()) };
  } catch (error) {
    answer = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(answer, answer.png ? [answer.png.buffer as ArrayBuffer] : []);
});
