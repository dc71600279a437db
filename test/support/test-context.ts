import { FixedClock } from '../../src/shared/clock.ts';
import { systemActor, type Ctx } from '../../src/shared/context.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { Revisions } from '../../src/storage/revisions.ts';
import { ensurePage } from '../../src/modules/page/index.ts';
import { createTestDatabase, type TestDatabase } from './test-db.ts';

export interface TestContext {
  ctx: Ctx;
  clock: FixedClock;
  database: TestDatabase;
  close(): Promise<void>;
}

/** A use-case context over a fresh database with a page, a pinned clock and no logging. */
export async function createTestContext(options: { now?: string; timeZone?: string; withPage?: boolean } = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  const clock = new FixedClock(options.now ?? '2025-11-20T12:00:00.000Z');
  const ctx: Ctx = { db: database.db, clock, log: silentLogger, actor: systemActor, revisions: new Revisions() };
  if (options.withPage !== false) {
    await ensurePage(ctx, {
      name: 'Test Page',
      url: 'http://127.0.0.1',
      timeZone: options.timeZone ?? 'Etc/UTC',
      defaultLocale: 'en',
      locales: ['en', 'pt-BR', 'es', 'ru', 'de', 'fr', 'ar', 'ja'],
    });
  }
  return { ctx, clock, database, close: () => database.close() };
}
