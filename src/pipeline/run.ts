// Inputs → cleaned documents → brief. The library entry points the CLI and tests call.
import { InputError, readInputs, type ReadInputsOptions } from '../ingest/index.ts';
import { firstLine } from '../ingest/network-errors.ts';
import { BriefSchema, type Brief, type CleanDocument } from '../schema.ts';
import { cleanDocument } from './clean-document.ts';

export interface RunOptions extends ReadInputsOptions {
  /** Stop at the first rejected input (throws its InputError). */
  strict?: boolean;
  /** Told about each input that could not be used, or was a duplicate, as it happens. */
  onInputError?: (error: InputError) => void;
  /** Told about each document as it is cleaned (for progress). */
  onDocument?: (doc: CleanDocument) => void;
}

/** Cleaned documents (or the reason an input was not used), in input order. No cross-document work. */
export async function* cleanInputs(specs: string[], options: RunOptions = {}): AsyncGenerator<CleanDocument | InputError> {
  const seenIds = new Map<string, string>();
  for await (const item of readInputs(specs, options)) {
    let result: CleanDocument | InputError;
    if (item instanceof InputError) result = item;
    else {
      try {
        const doc = cleanDocument(item);
        const first = seenIds.get(doc.id);
        // Two inputs with the same visible text (e.g. one page saved twice) are one report.
        result = first ? new InputError(item.source, `duplicate of ${first}`, 'duplicate') : doc;
        if (!first) seenIds.set(doc.id, item.source);
      } catch (error) {
        // A bug in one stage must not lose the other inputs: report it against this input.
        result = new InputError(item.source, `could not be cleaned (${firstLine(error).slice(0, 200)})`);
      }
    }
    if (result instanceof InputError) {
      options.onInputError?.(result);
      if (options.strict && result.kind !== 'duplicate') throw result;
    } else options.onDocument?.(result);
    yield result;
  }
}

/** The brief over all usable inputs: documents now; entities, quotes, facts and disagreements to come. */
export async function brief(specs: string[], options: RunOptions = {}): Promise<Brief> {
  const documents: CleanDocument[] = [];
  const rejected: Brief['rejected'] = [];
  for await (const item of cleanInputs(specs, options)) {
    if (item instanceof InputError) {
      if (item.kind !== 'duplicate') rejected.push({ source: item.source, reason: item.reason });
    } else documents.push(item);
  }
  return BriefSchema.parse({ version: 1, documents, entities: [], quotes: [], facts: [], disagreements: [], rejected });
}
