// A progress counter on standard error, only when a person is watching a terminal.
import type cliProgress from 'cli-progress';
import { loadLate } from '../util/load-late.ts';

/** Loaded only when a bar is shown. */
const progressBars = loadLate<typeof cliProgress>('cli-progress');

export class Progress {
  private bar: cliProgress.SingleBar | null = null;
  private count = 0;

  constructor(
    private readonly enabled: boolean,
    private readonly unit = 'documents cleaned',
  ) {
    this.enabled = enabled && process.stderr.isTTY === true;
  }

  tick(): void {
    if (!this.enabled) return;
    if (!this.bar) {
      const { SingleBar, Presets } = progressBars();
      this.bar = new SingleBar({ stream: process.stderr, format: `corroborate: {value} ${this.unit}`, clearOnComplete: true, hideCursor: true }, Presets.shades_classic);
      this.bar.start(0, 0);
    }
    this.bar.update(++this.count);
  }

  /** Print a line without tearing the bar. */
  interrupt(print: () => void): void {
    if (this.bar) process.stderr.write('\r\x1b[K');
    print();
  }

  stop(): void {
    this.bar?.stop();
    this.bar = null;
  }
}
