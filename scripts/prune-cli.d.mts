/** Deletes the hashed chunks under `dir` that no entry of the CLI bundle reaches; returns their names. */
export function pruneCli(dir: string): string[];
