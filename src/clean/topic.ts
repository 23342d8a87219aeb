// How close a block is to what the rest of the article is about. Teaser stories appended to a
// page are well-formed prose, so only their distance from the article's topic gives them away.

const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him himself his ' +
    'how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out ' +
    'over own same she should so some such than that the their theirs them themselves then there these they this those through to too ' +
    'under until up very was we were what when where which while who whom why will with would you your yours yourself yourselves ' +
    'said says say told according mr mrs ms one two new also like get got just year years day days time week monday tuesday wednesday ' +
    'thursday friday saturday sunday last first may might must many much even still well back since yet however already'
  ).split(' '),
);

/** Content-word stems of a text: lower-cased, stopwords dropped, plural/verb endings trimmed. */
export function contentTerms(text: string): string[] {
  const terms: string[] = [];
  for (const found of text.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? []) {
    let word = found.replace(/['’]s$/, '');
    if (word.length < 3 || STOPWORDS.has(word)) continue;
    word = stem(word);
    if (word.length >= 3) terms.push(word);
  }
  return terms;
}

/** A deliberately light stemmer: enough to match "talks"/"talk", "meeting"/"meet". */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

export type TermVector = Map<string, number>;

export function termVector(text: string): TermVector {
  const vector: TermVector = new Map();
  for (const term of contentTerms(text)) vector.set(term, (vector.get(term) ?? 0) + 1);
  return vector;
}

/**
 * Cosine similarity of each block to the sum of the *other* reference blocks, with terms
 * weighted by log-damped frequency so one repeated name cannot dominate.
 */
export function centrality(blocks: TermVector[], isReference: boolean[]): number[] {
  const centroid: TermVector = new Map();
  blocks.forEach((vector, i) => {
    if (!isReference[i]) return;
    for (const [term, count] of vector) centroid.set(term, (centroid.get(term) ?? 0) + count);
  });
  // The centroid's norm is computed once and corrected for each block's own terms, so the
  // whole pass stays linear in the number of terms (a page of 100k tiny lines must not stall).
  let centroidNorm2 = 0;
  for (const total of centroid.values()) centroidNorm2 += Math.log1p(total) ** 2;
  return blocks.map((vector, i) => {
    let dot = 0;
    let normBlock = 0;
    let normRest2 = centroidNorm2;
    for (const [term, count] of vector) {
      const total = centroid.get(term) ?? 0;
      const own = isReference[i] ? count : 0;
      const rest = Math.log1p(total - own);
      if (own) normRest2 += rest * rest - Math.log1p(total) ** 2;
      const weight = Math.log1p(count);
      dot += weight * rest;
      normBlock += weight * weight;
    }
    return normBlock > 0 && normRest2 > 1e-12 ? dot / Math.sqrt(normBlock * normRest2) : 0;
  });
}
