// Public interface of the extractor: extractDocument (pure), readDocumentFile (I/O), segmentSentences.
export { extractDocument, type ExtractInput } from './pipeline/index.ts';
export { readDocumentFile, type SourceDocument } from './read.ts';
export { segmentSentences } from './sentences.ts';
export { InputError } from './errors.ts';
