// Word associations learned from outlets' versions of the same events (which word of one version
// stands for which word of another), shipped as a data file that `scripts/build-associations.ts`
// rebuilds from the development split. Read once, on first use; nothing is fetched.
// Imported, not read from disk: the CLI's bundle carries it, wherever the bundle lives.
import shipped from '../../../data/lexicon/word-associations.json' with { type: 'json' };

/** Where the build script writes the table (the sources' copy; the bundle embeds it). */
export const ASSOCIATIONS_FILE = new URL('../../../data/lexicon/word-associations.json', import.meta.url);

export interface AssociationsFile {
  about: string;
  inputs: { file: string; sha256: string }[];
  /** SHA-256 of the JSON of `words`, so a hand edit shows. */
  digest: string;
  /** word → [associated word, strength 0..1][], strongest first. */
  words: Record<string, [string, number][]>;
}

let table: Map<string, Map<string, number>> | null = null;

function load(): Map<string, Map<string, number>> {
  if (table) return table;
  table = new Map();
  const file = shipped as unknown as AssociationsFile;
  for (const [word, list] of Object.entries(file.words)) table.set(word, new Map(list));
  return table;
}

const NONE: ReadonlyMap<string, number> = new Map();

export function learnedAssociations(lemma: string): ReadonlyMap<string, number> {
  return load().get(lemma) ?? NONE;
}
