import type { Config } from './config.ts';
import type { ResponseCache } from './http/cached-response.ts';
import type { Ctx } from './shared/context.ts';
import type { OpenDatabase } from './storage/database.ts';

/** What the surfaces receive from the composition root. */
export interface AppDeps {
  config: Config;
  /** The system context; surfaces derive per-request contexts from it (with their actor). */
  ctx: Ctx;
  database: OpenDatabase;
  /** Rendered pages and API responses, per data revision. */
  cache: ResponseCache;
}
