// Resized story photos, served by lib/media without a server: the cold cost of each variant (read,
// hash, encode, store: what a variant's first request pays, once per machine) and the repeat cost
// (read back from the disk cache), p50 and p99, with the baseline of serving the original file
// from disk through the same route code. A second, 2400 px photo (the fixture upscaled) covers
// the 1920 px variants the 1200 px fixture photos do not have.
// Usage: npm run bench:photos  (BENCH_QUICK=1: fewer repeats)
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { probePhoto } from '../lib/content/photoProbe';
import { servePhoto, type PhotoOwner } from '../lib/media/servePhoto';
import { VARIANT_FORMATS, variantWidthsFor } from '../lib/media/variantConfig';
import { printFigure } from './report';
import { percentile } from './stats';

const REPEATS = process.env.BENCH_QUICK === '1' ? 50 : 300;
const SOURCE = path.resolve('tests/fixtures/content/news/russia-azerbaijan-defence-cooperation/photo.jpg');

const work = await mkdtemp(path.join(os.tmpdir(), 'bench-photos-'));
// Before lib/media reads it: the variants go to a cache of this run's own.
process.env.DATA_DIR = path.join(work, 'data');
const root = path.join(work, 'content');

async function addStory(slug: string, make: (target: string) => Promise<unknown>): Promise<PhotoOwner> {
  await mkdir(path.join(root, 'news', slug), { recursive: true });
  await make(path.join(root, 'news', slug, 'photo.jpg'));
  const probe = await probePhoto(root, slug, 'photo.jpg');
  if (probe.state !== 'ok') throw new Error(`${slug}: photo not readable (${probe.state})`);
  return { slug, image: probe.image };
}

async function timed(owner: PhotoOwner, query: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const response = await servePhoto(new Request(`http://bench/media/${owner.slug}/photo.jpg?${query}`), owner, 'photo.jpg', root);
  const body = await response.arrayBuffer();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${owner.slug}?${query}: ${response.status}`);
  return { ms, bytes: body.byteLength };
}

const round = (ms: number) => +ms.toFixed(2);
const stats = (values: number[]) => ({ p50: round(percentile(values, 50)), p99: round(percentile(values, 99)) });

try {
  const fixture = await addStory('fixture', (target) => copyFile(SOURCE, target));
  const large = await addStory('large', (target) => sharp(SOURCE).resize({ width: 2400 }).jpeg({ quality: 90 }).toFile(target));
  const variantsOf = (owner: PhotoOwner) =>
    variantWidthsFor(owner.image!.width).flatMap((width) => VARIANT_FORMATS.map((format) => ({ owner, width, format })));
  const variants = [...variantsOf(fixture), ...variantsOf(large).filter((v) => v.width === 1920)];
  const query = ({ owner, width, format }: (typeof variants)[number]) => `v=${owner.image!.version}&w=${width}&f=${format}`;

  console.log(`Photo variants (${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, sharp ${sharp.versions.sharp})`);
  console.log(`  ${fixture.image!.width}x${fixture.image!.height} fixture photo; 1920 px from a 2400 px copy`);
  const original = [];
  for (let i = 0; i < REPEATS; i += 1) original.push((await timed(fixture, `v=${fixture.image!.version}`)).ms);
  const baseline = stats(original);
  console.log(`  original from disk (baseline): p50 ${baseline.p50} ms, p99 ${baseline.p99} ms`);

  for (const variant of variants) {
    const { ms, bytes } = await timed(variant.owner, query(variant));
    console.log(`  cold ${String(variant.width).padStart(4)} ${variant.format.padEnd(4)}: ${round(ms)} ms, ${(bytes / 1024).toFixed(1)} KB`);
    printFigure({ name: `photos.cold.${variant.width}.${variant.format}`, value: round(ms), unit: 'ms', baseline: baseline.p50 });
  }

  const repeat = [];
  for (let i = 0; i < REPEATS; i += 1) repeat.push((await timed(variants[i % variants.length]!.owner, query(variants[i % variants.length]!))).ms);
  const cached = stats(repeat);
  console.log(`  repeat from the disk cache: p50 ${cached.p50} ms, p99 ${cached.p99} ms (${REPEATS} requests over ${variants.length} variants)`);

  printFigure({ name: 'photos.original.p50', value: baseline.p50, unit: 'ms' });
  printFigure({ name: 'photos.repeat.p50', value: cached.p50, unit: 'ms', baseline: baseline.p50, target: { atMost: 10 } });
  printFigure({ name: 'photos.repeat.p99', value: cached.p99, unit: 'ms', baseline: baseline.p99 });
} finally {
  await rm(work, { recursive: true, force: true });
}
