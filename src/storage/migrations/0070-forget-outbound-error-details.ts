import type { Kysely } from 'kysely';

/**
 * Failed webhook and chat requests used to record the network error as Node reported it
 * ("connect ECONNREFUSED 10.0.0.5:8080"), naming internal addresses and ports to whoever reads the
 * subscriber's page. Those details are dropped; newer failures are recorded without them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['subscribers', 'deliveries'])
    await db.updateTable(table).set({ last_error: 'the request failed' }).where('last_error', 'like', 'the request failed:%').execute();
}

export async function down(): Promise<void> {
  // The details are gone; nothing to restore.
}
