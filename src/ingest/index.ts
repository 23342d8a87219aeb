// Public face of the ingest layer.
export { InputError, type InputErrorKind, type InputFormat, type RawInput } from './raw-input.ts';
export { readInputs, STDIN_SPEC, type ReadInputsOptions } from './read-inputs.ts';
export { fetchUrl, type FetchOptions } from './fetch-url.ts';
export { decodeBytes, type DecodeOptions, type Decoded } from './decode.ts';
export { detectFormat, formatFromContentType } from './detect-format.ts';
export { parseJsonArray, parseJsonLines } from './jsonl.ts';
export { DEFAULT_MAX_BYTES, DEFAULT_MAX_REDIRECTS, DEFAULT_TIMEOUT_MS } from './limits.ts';
