// Types for scripts/cli-reference.mjs (imported by test/docs/cli-reference.test.ts).
export const CLI_DOC: string;
export const MARKER: string;
export function listedCommands(generalHelp: string): { name: string; summary: string }[];
export function generatedReference(): Promise<string>;
export function expectedCliDoc(current?: string): Promise<string>;
