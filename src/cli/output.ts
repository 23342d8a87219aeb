// Where a command's output goes: standard output, or a file written atomically (to a temporary
// name, renamed on success) so an interrupted run never leaves a truncated file behind. A device
// or a pipe ("-o /dev/null", a FIFO) is written as it is: renaming over it would replace it.
import { createWriteStream, statSync, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { relative, resolve } from 'node:path';
import { usage } from './arguments.ts';

/**
 * Refuses an output file that is one of the inputs, or lies inside an input directory: "-o a.txt"
 * after "a.txt" would replace the report with its brief, and a brief written among the reports
 * would be read as one of them next time.
 */
export function refuseOutputOverInputs(out: string | undefined, inputs: readonly string[]): void {
  if (!out) return;
  const target = resolve(out);
  const identity = (path: string) => {
    try {
      const s = statSync(path);
      return { dir: s.isDirectory(), key: `${s.dev}:${s.ino}` };
    } catch {
      return null;
    }
  };
  const outId = identity(target);
  for (const input of inputs) {
    if (input === '-' || /^https?:\/\//i.test(input)) continue;
    const source = resolve(input);
    const inId = identity(source);
    if (target === source || (outId && inId && outId.key === inId.key)) usage(`--out ${out} is one of the inputs: it would be overwritten; write elsewhere`);
    const inside = relative(source, target);
    if (inId?.dir && inside && !inside.startsWith('..') && !inside.startsWith('/')) usage(`--out ${out} is inside the input directory ${input}: write it elsewhere`);
  }
}

export class OutputSink {
  private readonly stream: NodeJS.WritableStream | WriteStream;
  private readonly temp: string | null;

  constructor(private readonly path?: string) {
    const direct = path !== undefined && isSpecialFile(path);
    this.temp = path && !direct ? `${path}.tmp-${process.pid}` : null;
    this.stream = this.temp ? createWriteStream(this.temp) : path ? createWriteStream(path) : process.stdout;
  }

  async write(chunk: string): Promise<void> {
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    if (!this.path) return;
    const file = this.stream as WriteStream;
    if (!this.temp) {
      file.end();
      await once(file, 'finish');
      return;
    }
    file.end();
    try {
      await once(file, 'finish');
      await rename(this.temp, this.path);
    } catch (error) {
      await rm(this.temp, { force: true });
      throw new Error(`cannot write ${this.path}: ${(error as Error).message}`);
    }
  }
}

/** Whether `path` exists and is neither a regular file nor a directory: a device, a pipe, a socket. */
function isSpecialFile(path: string): boolean {
  try {
    const s = statSync(path);
    return !s.isFile() && !s.isDirectory();
  } catch {
    return false;
  }
}
