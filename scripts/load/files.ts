// Finds the document files under the paths given to the loader (files or folders, recursively).
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

/** Extensions the extractor reads; metadata sidecars, READMEs and YAML are not documents. */
export const DOCUMENT_EXTENSIONS = new Set(['.txt', '.html', '.htm']);

export class PathError extends Error {
  readonly code = 'BAD_PATH';
  constructor(message: string) {
    super(message);
    this.name = 'PathError';
  }
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, out);
    // Regular files and links only: a FIFO or socket in a folder is not a document (reading it would hang).
    else if (
      (entry.isFile() || entry.isSymbolicLink()) &&
      DOCUMENT_EXTENSIONS.has(extname(entry.name).toLowerCase())
    )
      out.push(path);
  }
}

/** Expands files and folders into a sorted list of document files (explicit files are kept as given). */
export async function documentFiles(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) throw new PathError(`${path}: no such file or folder`);
    if (info.isDirectory()) await walk(path, out);
    else out.push(path);
  }
  return [...new Set(out)].sort();
}
