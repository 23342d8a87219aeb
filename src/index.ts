// corroborate's library entry: `import { brief } from 'corroborate'`.
export { analyseInputs, brief, cleanInputs, type RunOptions } from './pipeline/run.ts';
export { analyseDocument, analyseText, mergeAnalyses, type DocumentAnalysis } from './analyse/index.ts';
export { cleanDocument, documentId } from './clean/index.ts';
export { renderMarkdown } from './brief/markdown.ts';
export { renderHtml } from './brief/html.ts';
export { compare, type CompareInput, type Comparison } from './compare/index.ts';
export { findValues, inferReferenceDate, type FoundValue } from './compare/values/index.ts';
export { readInputs, InputError, type RawInput, type ReadInputsOptions } from './ingest/index.ts';
export * from './schema.ts';
