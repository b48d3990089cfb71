#!/usr/bin/env node
// Draws an abstract illustration for every story whose front matter names a photo file that does
// not exist yet. Colours follow the section (the alt texts say so); shapes are seeded by the slug,
// so a re-run draws the same picture. Usage: node scripts/generate-illustrations.mjs [content-dir]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { parse } from 'yaml';
import { settings } from '../lib/config/settings.ts';

const root = path.resolve(process.argv[2] ?? settings().contentDir);
const PALETTES = {
  politics: ['#1e3a8a', '#3b82f6', '#93c5fd', '#dbeafe'],
  security: ['#7f1d1d', '#dc2626', '#fca5a5', '#fee2e2'],
  economy: ['#14532d', '#16a34a', '#86efac', '#dcfce7'],
  diplomacy: ['#4c1d95', '#8b5cf6', '#c4b5fd', '#ede9fe'],
  energy: ['#7c2d12', '#ea580c', '#fdba74', '#ffedd5'],
};

function seeded(text) {
  let state = [...text].reduce((h, c) => (Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0), 2166136261);
  return () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function frontMatter(file) {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
  return match ? parse(match[1]) ?? {} : {};
}

function svg(slug, palette) {
  const random = seeded(slug);
  const [dark, mid, light, pale] = palette;
  const shapes = [];
  for (let i = 0; i < 7; i += 1) {
    const r = 60 + random() * 220;
    shapes.push(`<circle cx="${(random() * 1200).toFixed(0)}" cy="${(random() * 675).toFixed(0)}" r="${r.toFixed(0)}" fill="${[mid, light, pale][i % 3]}" fill-opacity="${(0.35 + random() * 0.4).toFixed(2)}"/>`);
  }
  for (let i = 0; i < 9; i += 1) {
    const y = random() * 675;
    shapes.push(`<line x1="0" y1="${y.toFixed(0)}" x2="1200" y2="${(y + (random() - 0.5) * 400).toFixed(0)}" stroke="${pale}" stroke-opacity="0.5" stroke-width="${(1 + random() * 5).toFixed(1)}"/>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${dark}"/><stop offset="1" stop-color="${mid}"/></linearGradient></defs>
  <rect width="1200" height="675" fill="url(#g)"/>${shapes.join('')}</svg>`;
}

const newsDir = path.join(root, 'news');
let made = 0;
for (const slug of readdirSync(newsDir)) {
  const versions = ['ru.md', 'en.md'].map((f) => path.join(newsDir, slug, f)).filter(existsSync).map(frontMatter);
  const src = versions.map((v) => v.image?.src).find(Boolean);
  const section = versions.map((v) => v.section).find(Boolean);
  if (!src) continue;
  const target = path.join(newsDir, slug, src);
  if (existsSync(target)) continue;
  await sharp(Buffer.from(svg(slug, PALETTES[section] ?? PALETTES.politics))).jpeg({ quality: 80, mozjpeg: true }).toFile(target);
  made += 1;
  console.log(`drew ${path.relative(root, target)}`);
}
console.log(`${made} illustration(s) drawn`);
