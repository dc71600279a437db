import type { Kysely } from 'kysely';

/**
 * Aviso used to store its own words in English: Statuspage's standard sentence when an update was
 * posted without a message, and the maintenance reminder. A pt-BR reader then read English. They
 * become a key (`generated_body`, JSON `{ key, params? }`, with an empty `body`) that each reader
 * gets in their language. Updates stored with an empty body (page files) get their status's
 * sentence too, as posting one does. Text an operator wrote is left exactly as it is.
 */
const sentences: Record<string, string> = {
  investigating: 'We are currently investigating this issue.',
  identified: 'The issue has been identified and a fix is being implemented.',
  monitoring: 'A fix has been implemented and we are monitoring the results.',
  resolved: 'This incident has been resolved.',
  scheduled: 'We will be undergoing scheduled maintenance during this time.',
  in_progress: 'Scheduled maintenance is currently in progress. We will provide updates as necessary.',
  verifying: 'Verification is currently underway for the maintenance items.',
  completed: 'The scheduled maintenance has been completed.',
};
const reminder = /^Maintenance will begin as scheduled in (\d+) minutes?\.$/;
const reminderPrefix = 'Maintenance will begin as scheduled in ';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('incident_updates').addColumn('generated_body', 'text').execute();
  for (const [key, sentence] of Object.entries(sentences)) {
    await db
      .updateTable('incident_updates')
      .set({ body: '', generated_body: JSON.stringify({ key }) })
      .where('body', '=', sentence)
      .execute();
    await db
      .updateTable('incident_updates')
      .set({ generated_body: JSON.stringify({ key }) })
      .where('body', '=', '')
      .where('status', '=', key)
      .where('generated_body', 'is', null)
      .execute();
  }
  const reminders = await db.selectFrom('incident_updates').select(['id', 'body']).where('body', 'like', `${reminderPrefix}%`).execute();
  for (const row of reminders as { id: string; body: string }[]) {
    const minutes = reminder.exec(row.body)?.[1];
    if (minutes === undefined) continue;
    await db
      .updateTable('incident_updates')
      .set({ body: '', generated_body: JSON.stringify({ key: 'reminder', params: { minutes: Number(minutes) } }) })
      .where('id', '=', row.id)
      .execute();
  }
}

/** Back to English text, as the code before this migration stored it. */
export async function down(db: Kysely<any>): Promise<void> {
  // Aliases: the row keys are the same with or without the camel-case plugin.
  const rows = await db
    .selectFrom('incident_updates')
    .select(['id', 'generated_body as g'])
    .where('generated_body', 'is not', null)
    .execute();
  for (const row of rows as { id: string; g: string }[]) {
    const { key, params } = JSON.parse(row.g) as { key: string; params?: { minutes?: number } };
    const minutes = params?.minutes ?? 0;
    const body = key === 'reminder' ? `${reminderPrefix}${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.` : (sentences[key] ?? '');
    await db.updateTable('incident_updates').set({ body }).where('id', '=', row.id).execute();
  }
  await db.schema.alterTable('incident_updates').dropColumn('generated_body').execute();
}
