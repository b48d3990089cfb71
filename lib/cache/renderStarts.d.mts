export const RENDER_START_KEPT_MS: number;
export function renderStarts(options?: { max?: number; keptMs?: number }): {
  read(key: string, at: number): void;
  madeAt(key: string, now: number): number;
};
