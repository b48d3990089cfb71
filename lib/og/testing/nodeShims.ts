// @vercel/og's Node build loads HarfBuzz through an Emscripten loader that expects CommonJS
// `require` and a `__dirname` holding hb.wasm. Next's bundler provides both; a plain ESM process
// (Vitest, tsx) does not. Import this before @vercel/og.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const globals = globalThis as Record<string, unknown>;
globals.require ??= require;
globals.__dirname ??= path.dirname(require.resolve('harfbuzzjs/package.json'));
