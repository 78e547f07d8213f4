/**
 * Turns `build`/`validate` inputs (files and directories) into checked corpora.
 * A directory stands for its `*.json` files, sorted by name, without recursing (so
 * `data/schema/` is never taken for a corpus file).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { decodeUtf8 } from './decode.js';
import { checkAcrossFiles, checkCorpus, type CheckedCorpus } from './corpus-check.js';

/** A problem with the command line or the paths it names: exit code 2, with a usage hint. */
export class UsageError extends Error {}

export interface InputFile {
  /** Path as shown in messages: as the user typed it, or relative to the working directory. */
  display: string;
  path: string;
}

/** How a path is shown in messages: relative to the working directory when inside it. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** The corpus files named by `inputs` (paths as typed), or by `defaultDir` when there are none. */
export async function listCorpusFiles(inputs: string[], defaultDir: string): Promise<InputFile[]> {
  const named =
    inputs.length > 0 ? inputs.map((p) => ({ display: p, path: resolve(p) })) : [{ display: displayPath(defaultDir), path: defaultDir }];
  const files: InputFile[] = [];
  const seen = new Set<string>();
  const add = (f: InputFile) => {
    if (!seen.has(f.path)) {
      seen.add(f.path);
      files.push(f);
    }
  };
  for (const input of named) {
    let info;
    try {
      info = await stat(input.path);
    } catch (e) {
      throw new UsageError(`bj: cannot read input ${JSON.stringify(input.display)}: ${reason(e)}`);
    }
    if (!info.isDirectory()) {
      add(input);
      continue;
    }
    let names: string[];
    try {
      names = await readdir(input.path);
    } catch (e) {
      throw new UsageError(`bj: cannot read directory ${JSON.stringify(input.display)}: ${reason(e)}`);
    }
    const jsonFiles: InputFile[] = [];
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      const path = join(input.path, name);
      if ((await stat(path).catch(() => undefined))?.isFile()) jsonFiles.push({ display: join(input.display, name), path });
    }
    if (jsonFiles.length === 0) {
      throw new UsageError(
        `bj: directory ${JSON.stringify(input.display)} has no *.json corpus files; name a directory or files that have some`,
      );
    }
    jsonFiles.forEach(add);
  }
  return files;
}

export interface LoadedCorpora {
  corpora: CheckedCorpus[];
  /** `bj:` lines, empty when every file and the cross-file checks passed. */
  errors: string[];
  /** Number of files with at least one error. */
  badFiles: number;
}

/** Reads and checks every file, then the checks across files; collects every error. */
export async function loadCorpora(files: InputFile[]): Promise<LoadedCorpora> {
  const corpora: CheckedCorpus[] = [];
  const errors: string[] = [];
  const bad = new Set<string>();
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file.path);
    } catch (e) {
      throw new UsageError(`bj: cannot read ${JSON.stringify(file.display)}: ${reason(e)}`);
    }
    const decoded = decodeUtf8(bytes);
    const result =
      decoded.error !== undefined ? { errors: [`bj: ${file.display}: ${decoded.error}`] } : checkCorpus(file.display, decoded.text);
    if (result.errors) {
      errors.push(...result.errors);
      bad.add(file.display);
    } else {
      corpora.push({ file: file.display, data: result.data });
    }
  }
  for (const line of checkAcrossFiles(corpora)) {
    errors.push(line);
    bad.add(line.slice(4, line.indexOf(': ', 4)));
  }
  return { corpora, errors, badFiles: bad.size };
}

/** A short human reason for a file system error. */
export function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}
