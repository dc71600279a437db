import type { Kysely } from 'kysely';

/**
 * HTTP monitors can assert a value in the answer's JSON (`jsonAssertion` in their settings, null
 * for none). Monitors stored before get `null` written out, as every setting is, so a page file
 * exported from them applies without a change and the checks read one shape.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const rows = (await db.selectFrom('monitors').select(['id', 'settings']).where('kind', '=', 'http').execute()) as {
    id: string;
    settings: string;
  }[];
  for (const row of rows) {
    const settings = JSON.parse(row.settings) as Record<string, unknown>;
    if ('jsonAssertion' in settings) continue;
    await db
      .updateTable('monitors')
      .set({ settings: JSON.stringify({ ...settings, jsonAssertion: null }) })
      .where('id', '=', row.id)
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const rows = (await db.selectFrom('monitors').select(['id', 'settings']).where('kind', '=', 'http').execute()) as {
    id: string;
    settings: string;
  }[];
  for (const row of rows) {
    const { jsonAssertion: _dropped, ...settings } = JSON.parse(row.settings) as Record<string, unknown>;
    await db
      .updateTable('monitors')
      .set({ settings: JSON.stringify(settings) })
      .where('id', '=', row.id)
      .execute();
  }
}
