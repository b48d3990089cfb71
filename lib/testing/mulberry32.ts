/**
 * mulberry32: a tiny seeded PRNG, good enough for generated text and URLs. The same seed gives
 * the same sequence, so generated content and fuzz inputs compare like for like and a failure can
 * be replayed. Shared by the benchmarks' generators and the URL fuzzer.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
