// Types for vite-plugin-ascii-only.mjs (used by vite.config.ts and its tests).
import type { Plugin } from 'vite';
import type { applyReplacements } from './vite-plugin-minify-lit.mjs';

export function firstNonAscii(bytes: Uint8Array): number;
export function escapeNonAscii(code: string, source?: string): { code: string; map: ReturnType<typeof applyReplacements>['map'] | null };
export default function asciiOnly(): Plugin;
