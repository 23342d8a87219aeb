// Path → bytes, refusing oversized files before reading them and reading pipes and devices
// through a size-limited stream (a FIFO or /dev/zero has no size to check up front).
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { tooLargeReason } from './format-bytes.ts';
import { describeFsError } from './fs-errors.ts';
import { InputError } from './raw-input.ts';
import { readLimited } from './read-limited.ts';

export async function readFileLimited(path: string, maxBytes: number): Promise<Uint8Array | InputError> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return new InputError(path, 'is a directory');
    if (info.isFile()) {
      if (info.size > maxBytes) return new InputError(path, tooLargeReason(info.size, maxBytes));
      return await readFile(path);
    }
    const streamed = await readLimited(createReadStream(path), maxBytes);
    return streamed.ok ? streamed.bytes : new InputError(path, tooLargeReason(undefined, maxBytes));
  } catch (error) {
    return new InputError(path, describeFsError(error));
  }
}
