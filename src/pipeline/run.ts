// Inputs → cleaned documents → brief. The library entry points the CLI and tests call.
import { InputError, readInputs, type ReadInputsOptions } from '../ingest/index.ts';
import { firstLine } from '../ingest/network-errors.ts';
import { BriefSchema, type Brief, type CleanDocument } from '../schema.ts';
import { analyseDocument, mergeAnalyses, type DocumentAnalysis } from '../analyse/index.ts';
import { cleanDocument } from '../clean/index.ts';
import { synthesize } from '../brief/synthesis.ts';
import { compare, type CompareOptions } from '../compare/index.ts';

export interface RunOptions extends ReadInputsOptions {
  /** Stop at the first rejected input (throws its InputError). */
  strict?: boolean;
  /** Told about each input that could not be used, or was a duplicate, as it happens. */
  onInputError?: (error: InputError) => void;
  /** Told about each document as it is cleaned (for progress). */
  onDocument?: (doc: CleanDocument) => void;
  /** `false`: the documents will not be analysed, so wink's readings are not held for that (see HeldReadings). */
  forAnalysis?: boolean;
}

/** Cleaned documents (or the reason an input was not used), in input order. No cross-document work. */
export async function* cleanInputs(specs: string[], options: RunOptions = {}): AsyncGenerator<CleanDocument | InputError> {
  const seenIds = new Map<string, string>();
  for await (const item of readInputs(specs, options)) {
    let result: CleanDocument | InputError;
    if (item instanceof InputError) result = item;
    else {
      try {
        const doc = cleanDocument(item, { forAnalysis: options.forAnalysis ?? true });
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
      if (options.strict && result.kind === 'rejected') throw result;
    } else options.onDocument?.(result);
    yield result;
  }
}

/** One document's entities and quotes; a failure in analysis keeps the document and says why. */
export function analyseSafely(doc: CleanDocument): DocumentAnalysis {
  try {
    return analyseDocument(doc);
  } catch (error) {
    doc.messages.push({ rule: 'analysis-failed', reason: `entities and quotes not found (${firstLine(error).slice(0, 200)})`, severity: 'warning' });
    return { doc: doc.id, entities: [], quotes: [], unconfirmed: [] };
  }
}

/** Per document, its entities and quotes (no cross-document merging): the `quotes` command. */
export async function* analyseInputs(specs: string[], options: RunOptions = {}): AsyncGenerator<{ doc: CleanDocument; analysis: DocumentAnalysis } | InputError> {
  for await (const item of cleanInputs(specs, options)) {
    yield item instanceof InputError ? item : { doc: item, analysis: analyseSafely(item) };
  }
}

/** The brief over all usable inputs: documents, entities and quotes; facts and disagreements to come. */
export async function brief(specs: string[], options: RunOptions = {}): Promise<Brief> {
  const documents: CleanDocument[] = [];
  const analyses: DocumentAnalysis[] = [];
  const rejected: Brief['rejected'] = [];
  for await (const item of cleanInputs(specs, options)) {
    if (item instanceof InputError) {
      if (item.kind !== 'duplicate') rejected.push({ source: item.source, reason: item.reason });
    } else {
      documents.push(item);
      analyses.push(analyseSafely(item));
    }
  }
  const compared = compareDocuments(documents, analyses, rejected);
  // The analyses hold every token of every document (packed, still over 100 MB for a 20 MB
  // report), and nothing after the comparison reads them: let them go before the brief is written.
  analyses.length = 0;
  return finishBrief(compared);
}

/** The brief over documents already cleaned (and analysed, when `analyses` is given). */
export function briefDocuments(documents: CleanDocument[], analyses?: DocumentAnalysis[], rejected: Brief['rejected'] = [], options: CompareOptions = {}): Brief {
  // Analyses made here are not held past the comparison.
  return finishBrief(compareDocuments(documents, analyses ?? documents.map(analyseSafely), rejected, options));
}

type Compared = Omit<Brief, 'brief'>;

/** Entities and quotes merged across documents, then facts and disagreements: the brief before its synthesis. */
function compareDocuments(documents: CleanDocument[], analyses: DocumentAnalysis[], rejected: Brief['rejected'], options: CompareOptions = {}): Compared {
  const { entities, quotes } = mergeAnalyses(analyses);
  const { facts, disagreements, messages } = compare({ documents, analyses, entities, quotes }, options);
  return { version: 1, documents, entities, quotes, facts, disagreements, rejected, messages };
}

function finishBrief(compared: Compared): Brief {
  return BriefSchema.parse({ ...compared, brief: synthesize(compared) });
}
