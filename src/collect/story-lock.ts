// Story decisions are made one at a time across every process sharing the store.
import type { Database } from '../store/database.ts';

/** An arbitrary constant naming corroborate's story lock among PostgreSQL advisory locks. */
const STORY_LOCK_KEY = 0x636f7272; // "corr"

/** Call first inside a transaction. SQLite's BEGIN IMMEDIATE already holds the only write lock. */
export async function lockStories(tx: Database): Promise<void> {
  if (tx.dialect === 'postgres') await tx.one('SELECT pg_advisory_xact_lock($1)', [STORY_LOCK_KEY]);
}
