/** A clock tests move by hand: `now()` is what the code under test reads. */
export interface FakeClock {
  now: () => number;
  set(iso: string): void;
  advance(ms: number): void;
}

export function fakeClock(iso: string): FakeClock {
  let at = Date.parse(iso);
  return {
    now: () => at,
    set(next) {
      at = Date.parse(next);
    },
    advance(ms) {
      at += ms;
    },
  };
}
