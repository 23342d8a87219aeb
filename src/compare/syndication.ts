// Syndication: two outlets running copies of the same wire text are one source, not two. A
// document whose word 8-grams are mostly found in another's is a copy (lightly edited copies,
// with a line cut or a headline changed, still share most of their 8-grams).
import type { CleanDocument } from '../schema.ts';
import { DisjointSets } from '../util/disjoint-sets.ts';

const SHINGLE_WORDS = 8;
/** Share of the shorter document's shingles found in the longer one to call it a copy. */
const COPY_CONTAINMENT = 0.6;

/** Groups of document ids that are copies of one text; every document is in exactly one group. */
export function syndicationGroups(documents: readonly CleanDocument[]): string[][] {
  const shingles = documents.map((d) => shingleSet(bodyText(d)));
  const copies = new DisjointSets(documents.length);
  for (let i = 0; i < documents.length; i++) {
    for (let j = i + 1; j < documents.length; j++) {
      if (containment(shingles[i]!, shingles[j]!) >= COPY_CONTAINMENT) copies.union(i, j);
    }
  }
  return copies.groups().map((group) => group.map((i) => documents[i]!.id));
}

function bodyText(doc: CleanDocument): string {
  return doc.body.map((b) => doc.original.slice(b.start, b.end)).join(' ');
}

/** Each run of SHINGLE_WORDS words, joined by single spaces: cut from the words joined once, not joined anew. */
function shingleSet(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const joined = words.join(' ');
  const starts: number[] = [];
  let at = 0;
  for (const word of words) {
    starts.push(at);
    at += word.length + 1;
  }
  starts.push(at);
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) out.add(joined.slice(starts[i]!, starts[i + SHINGLE_WORDS]! - 1));
  return out;
}

function containment(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / small.size;
}
