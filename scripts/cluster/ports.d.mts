export function freePorts(count: number): Promise<number[]>;
export function accepts(port: number): Promise<boolean>;
export function untilAccepts(port: number, options?: { timeoutMs?: number; gaveUp?: () => boolean }): Promise<boolean>;
