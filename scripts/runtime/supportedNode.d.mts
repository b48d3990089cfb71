export const SUPPORTED_NODE_MAJOR: number;
export function nodeMajor(version: string): number;
export function nodeVersionProblem(what: string, version?: string, execPath?: string): string | undefined;
export function exitUnlessSupportedNode(what: string): void;
