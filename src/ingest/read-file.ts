// Path → bytes, refusing oversized files before reading them and reading pipes and devices
// through a size-limited stream (a FIFO or /dev/zero has no size to check up front). Regular
// files are stat'ed and read synchronously: a brief reads a handful of local files, and each
// asynchronous call waited longer for the thread pool than the read itself took.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { tooLargeReason } from './format-bytes.ts';
import { describeFsError } from './fs-errors.ts';
import { InputError } from './raw-input.ts';
import { readLimited } from './read-limited.ts';

export async function readFileLimited(path: string, maxBytes: number): Promise<Uint8Array | InputError> {
  try {
    const info = statSync(path);
    if (info.isDirectory()) return new InputError(path, 'is a directory');
    if (info.isFile()) {
      if (info.size > maxBytes) return new InputError(path, tooLargeReason(info.size, maxBytes));
      return readFileSync(path);
    }
    const streamed = await readLimited(createReadStream(path), maxBytes);
    return streamed.ok ? streamed.bytes : new InputError(path, tooLargeReason(undefined, maxBytes));
  } catch (error) {
    return new InputError(path, describeFsError(error));
  }
}
