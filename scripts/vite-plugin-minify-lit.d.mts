// Types for vite-plugin-minify-lit.mjs (used by vite.config.ts and its tests).
import type { Plugin } from 'vite';

export function minifyCssQuasis(quasis: string[]): string[];
export function minifyHtmlQuasis(quasis: string[]): string[];
export function applyReplacements(
  code: string,
  replacements: [number, number, string][],
  source: string,
): { code: string; map: { version: 3; sources: string[]; sourcesContent: string[]; names: string[]; mappings: string } };
export function minifyLitTemplates(
  code: string,
  parse: (code: string) => unknown,
  source?: string,
): ReturnType<typeof applyReplacements> | undefined;
export default function minifyLit(options?: { include?: RegExp }): Plugin;
