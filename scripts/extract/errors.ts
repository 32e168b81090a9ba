// Errors of the extraction scripts: named classes with a code, so callers match on the class, not the text.

/** A source file that cannot be read as a document (empty, binary, undecodable). One-line message naming the file. */
export class InputError extends Error {
  readonly code = 'INPUT_ERROR';
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'InputError';
  }
}
