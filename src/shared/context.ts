import type { Db } from '../storage/database.ts';
import type { Revisions } from '../storage/revisions.ts';
import type { Clock } from './clock.ts';
import type { Logger } from './logger.ts';

/** Who is acting: recorded by the audit log and shown in the admin app. */
export interface Actor {
  kind: 'system' | 'user' | 'api_key';
  id: string | null;
  name: string;
}

export const systemActor: Actor = { kind: 'system', id: null, name: 'Aviso' };

/** What every use case receives: the database (or the transaction it runs in), the clock, the actor. */
export interface Ctx {
  db: Db;
  clock: Clock;
  log: Logger;
  actor: Actor;
  revisions: Revisions;
  /**
   * AVISO_PUBLIC_URL (or its default): the one address every link Aviso makes starts with. When
   * set, it is the page's `url` wherever the page is read (see `getPage`).
   */
  publicUrl?: string;
}
