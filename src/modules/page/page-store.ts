import type { Kysely, Selectable } from 'kysely';
import { fromTimestamp, toNumber, toTimestamp } from '../../storage/dialect.ts';
import type { Database, PagesTable } from '../../storage/tables.ts';
import type { PageId } from '../../shared/ids.ts';
import type { Locale } from '../../shared/locales.ts';
import type { Page, PageSettings } from './page.ts';

function toPage(row: Selectable<PagesTable>): Page {
  return {
    id: row.id as PageId,
    name: row.name,
    url: row.url,
    timeZone: row.timeZone,
    defaultLocale: row.defaultLocale as Locale,
    locales: JSON.parse(row.locales) as Locale[],
    settings: JSON.parse(row.settings) as PageSettings,
    revision: toNumber(row.revision),
    createdAt: fromTimestamp(row.createdAt),
    updatedAt: fromTimestamp(row.updatedAt),
  };
}

export async function findPage(db: Kysely<Database>): Promise<Page | undefined> {
  const row = await db.selectFrom('pages').selectAll().orderBy('createdAt').executeTakeFirst();
  return row === undefined ? undefined : toPage(row);
}

export async function insertPage(db: Kysely<Database>, page: Omit<Page, 'revision'>): Promise<void> {
  await db
    .insertInto('pages')
    .values({
      id: page.id,
      name: page.name,
      url: page.url,
      timeZone: page.timeZone,
      defaultLocale: page.defaultLocale,
      locales: JSON.stringify(page.locales),
      settings: JSON.stringify(page.settings),
      revision: 0,
      createdAt: toTimestamp(page.createdAt),
      updatedAt: toTimestamp(page.updatedAt),
    })
    .execute();
}

export async function updatePageRow(
  db: Kysely<Database>,
  id: PageId,
  changes: { [K in 'name' | 'url' | 'timeZone' | 'defaultLocale' | 'locales' | 'settings']?: Page[K] | undefined },
  at: Date,
): Promise<void> {
  await db
    .updateTable('pages')
    .set({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.url !== undefined && { url: changes.url }),
      ...(changes.timeZone !== undefined && { timeZone: changes.timeZone }),
      ...(changes.defaultLocale !== undefined && { defaultLocale: changes.defaultLocale }),
      ...(changes.locales !== undefined && { locales: JSON.stringify(changes.locales) }),
      ...(changes.settings !== undefined && { settings: JSON.stringify(changes.settings) }),
      updatedAt: toTimestamp(at),
    })
    .where('id', '=', id)
    .execute();
}
