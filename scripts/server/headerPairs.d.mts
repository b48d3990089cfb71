export function headerPairs(headers: unknown): Array<[string, unknown]>;
