import type { Config } from './config.ts';
import type { ResponseCache } from './http/cached-response.ts';
import type { Outbound } from './outbound/index.ts';
import type { Ctx } from './shared/context.ts';
import type { OpenDatabase } from './storage/database.ts';
import type { DatabaseReadiness } from './storage/readiness.ts';

/** What the surfaces receive from the composition root. */
export interface AppDeps {
  config: Config;
  /** The system context; surfaces derive per-request contexts from it (with their actor). */
  ctx: Ctx;
  database: OpenDatabase;
  /** Whether the database answers and is migrated, asked by /readyz. */
  checkDatabase: () => Promise<DatabaseReadiness>;
  /** Rendered pages and API responses, per data revision. */
  cache: ResponseCache;
  /** Requests to addresses someone gave (webhook endpoints are checked with it), under the configured policy. */
  outbound: Outbound;
}
