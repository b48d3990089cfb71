import { mulberry32 } from '../../lib/testing/mulberry32';

export interface Random {
  pick<T>(items: readonly T[]): T;
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  token(length: number, alphabet?: string): string;
}

export function random(seed: number): Random {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    int,
    pick: (items) => items[int(0, items.length - 1)]!,
    chance: (probability) => next() < probability,
    token: (length, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789') =>
      Array.from({ length }, () => alphabet[int(0, alphabet.length - 1)]).join(''),
  };
}
