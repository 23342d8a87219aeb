// Who is who and who said what: the analyse stage's entry points.
export { analyseDocument, analyseText, type DocumentAnalysis } from './analyse-document.ts';
export { mergeAnalyses } from './identity.ts';
