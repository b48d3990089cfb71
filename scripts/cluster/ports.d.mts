export function freePorts(count: number): Promise<number[]>;
export function accepts(port: number): Promise<boolean>;
