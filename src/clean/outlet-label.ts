// How a document is named wherever outlets are listed (coverage, variants, citations): its outlet
// as the cleaner read it, else its file name, else its id. Here, below compare/ and brief/, so
// both name outlets alike without compare/ reaching into the renderer.
import type { CleanDocument } from '../schema.ts';

export function outletLabel(doc: CleanDocument): string {
  return doc.outlet ?? doc.source.split(/[\\/]/).pop() ?? doc.id;
}
