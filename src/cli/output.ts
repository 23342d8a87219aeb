// Where a command's output goes: standard output, or a file written atomically (to a temporary
// name, renamed on success) so an interrupted run never leaves a truncated file behind.
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';

export class OutputSink {
  private readonly stream: NodeJS.WritableStream | WriteStream;
  private readonly temp: string | null;

  constructor(private readonly path?: string) {
    this.temp = path ? `${path}.tmp-${process.pid}` : null;
    this.stream = this.temp ? createWriteStream(this.temp) : process.stdout;
  }

  async write(chunk: string): Promise<void> {
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    if (!this.temp || !this.path) return;
    const file = this.stream as WriteStream;
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
