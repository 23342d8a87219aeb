// What the clusterer knows of an article: its terms and names with their counts. A module of its
// own, so the scanner that makes them (features.ts) and the hashing that packs them
// (hashed-features.ts) both import it without importing each other.

export interface ArticleFeatures {
  /**
   * Term → count: lowercase words less stopwords, lightly stemmed; numbers of two or more
   * characters. Words of the lead (title and first sentences) count twice.
   */
  terms: Record<string, number>;
  /** Name → count: capitalised words and runs of them ("lindsay lohan", "lohan"), lowercase; the lead counts twice. */
  names: Record<string, number>;
}
