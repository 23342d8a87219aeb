// What every route of one server shares: the store, its brief cache and the edit token. Apart
// from server.ts, which registers the routes, so a route module never imports its registrar.
import type { Database } from '../store/database.ts';
import type { BriefCache } from './brief-cache.ts';

export interface ServeContext {
  db: Database;
  briefs: BriefCache;
  /** The token this server's edit forms carry; null when it does not edit. */
  editToken: string | null;
  /** How long a story page waits for a story's first brief (see ServeOptions). */
  firstBriefWaitMs: number;
}
