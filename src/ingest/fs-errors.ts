// One-line reasons for file-system failures, keyed by Node's error codes.
import { firstLine } from './network-errors.ts';

const FS_REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  ENOTDIR: 'no such file (part of the path is not a directory)',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'symbolic link loop',
  EISDIR: 'is a directory',
  ENAMETOOLONG: 'path too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EIO: 'input/output error',
};

export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const known = typeof code === 'string' ? FS_REASONS[code] : undefined;
  return known ?? `cannot read (${firstLine(error)})`;
}
