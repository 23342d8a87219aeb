// The clean stage's entry point: one raw input (text, HTML, a feed record) → one cleaned document
// whose passages, metadata and removed chrome are spans of its original. Text cleaning lives in
// this folder, HTML extraction in html/; both mark chrome with the cues of cues.ts.
export { cleanDocument, cleanParts, documentId, documentIdOfHash } from './clean-document.ts';
