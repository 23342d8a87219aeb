// Who is who and who said what: the analyse stage's entry points.
import type { Entity, Quote } from '../schema.ts';

/** One document's people, organizations, places and quotes; ids are local to the document. */
export interface DocumentAnalysis {
  doc: string;
  entities: Entity[];
  quotes: Quote[];
}

// Planned entry points (being built):
//   analyseDocument(doc: CleanDocument): DocumentAnalysis   — a cleaned document's body (and transcript turns)
//   analyseText(original: string, doc = 'doc'): DocumentAnalysis — plain text, every non-empty line a paragraph
//   mergeAnalyses(analyses: DocumentAnalysis[]): { entities: Entity[]; quotes: Quote[] } — one identity across documents
