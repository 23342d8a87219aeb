// An input read again during one ingest (a feed repeating a record under another line, one file
// under two names): preparing depends on the content, its format and its hints, and on where the
// input came from only through the site of a web address (addressSite), so the repeat takes the
// first one's result instead of being cleaned again. It is then stored as the exact copy it is.
// Only recent inputs are remembered: a repeat comes soon after the original, and each entry holds
// a prepared article in memory. (A copy of an article stored by an earlier run is not cleaned
// either: ingest takes what the store says of its original, queueInput in ingest.ts.)
import { LRUCache } from 'lru-cache';
import type { RawInput } from '../ingest/raw-input.ts';
import { addressSite, type PreparedArticle } from './prepare.ts';

/** Inputs remembered: a few batches beyond the ones in flight (ingest reads 400 ahead). */
export const RECENT_INPUTS = 2048;

export class RecentlyPrepared {
  private readonly byInput: LRUCache<string, Promise<PreparedArticle>>;

  constructor(capacity = RECENT_INPUTS) {
    this.byInput = new LRUCache({ max: capacity });
  }

  /** What an identical input prepared to, as this input's (its own source); undefined when none is remembered. */
  get(input: RawInput, hash: string): Promise<PreparedArticle> | undefined {
    return this.known(inputKey(input, hash), input);
  }

  remember(input: RawInput, hash: string, prepared: Promise<PreparedArticle>): void {
    this.byInput.set(inputKey(input, hash), prepared);
  }

  /** `get`, else `prepare()` and `remember` it: the input's key (its hints as JSON and more) worked out once. */
  getOrPrepare(input: RawInput, hash: string, prepare: () => Promise<PreparedArticle>): Promise<PreparedArticle> {
    const key = inputKey(input, hash);
    const known = this.known(key, input);
    if (known) return known;
    const prepared = prepare();
    this.byInput.set(key, prepared);
    return prepared;
  }

  private known(key: string, input: RawInput): Promise<PreparedArticle> | undefined {
    return this.byInput.get(key)?.then((prepared) => ({ ...prepared, input }));
  }
}

/** The hash is of the content (64 hex digits) and the hints' JSON ends with "}", so the key is unambiguous. */
function inputKey(input: RawInput, hash: string): string {
  return hash + input.format + JSON.stringify(input.hints) + (addressSite(input) ?? '');
}
