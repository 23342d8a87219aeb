// Parsers for the commands' option values: a bad value is a usage error (exit 2, one line), never NaN carried on.
import { CommanderError } from 'commander';

export const EXIT_USAGE = 2;

export function usage(message: string): never {
  throw new CommanderError(EXIT_USAGE, 'corroborate.usage', message);
}

export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) usage(`not a positive whole number: ${value}`);
  return n;
}

/** A count that may be 0 ("--briefs 0": none). */
export function nonNegativeInteger(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0) usage(`not a whole number, 0 or more: ${value}`);
  return n;
}

export function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) usage(`not a positive number: ${value}`);
  return n;
}

/** A wait in milliseconds: a whole number, 0 or more. */
export function milliseconds(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0) usage(`not a number of milliseconds (a whole number, 0 or more): ${value}`);
  return n;
}
