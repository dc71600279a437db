import type { Kysely, Selectable } from 'kysely';
import { fromTimestamp, toTimestamp } from '../../storage/dialect.ts';
import type { ApiKeysTable, Database } from '../../storage/tables.ts';
import type { ApiKeyInfo, ApiKeyScope } from './api-key.ts';

type Row = Selectable<ApiKeysTable>;

function toInfo(row: Row): ApiKeyInfo {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope as ApiKeyScope,
    prefix: row.prefix,
    createdAt: fromTimestamp(row.createdAt),
    lastUsedAt: fromTimestamp(row.lastUsedAt),
    revokedAt: fromTimestamp(row.revokedAt),
    createdBy: row.createdBy,
  };
}

export async function insertApiKey(db: Kysely<Database>, info: ApiKeyInfo, keyHash: string): Promise<void> {
  await db
    .insertInto('apiKeys')
    .values({
      id: info.id,
      name: info.name,
      scope: info.scope,
      prefix: info.prefix,
      keyHash,
      createdAt: toTimestamp(info.createdAt),
      createdBy: info.createdBy,
      lastUsedAt: null,
      revokedAt: null,
    })
    .execute();
}

export async function listApiKeyRows(db: Kysely<Database>): Promise<ApiKeyInfo[]> {
  const rows = await db.selectFrom('apiKeys').selectAll().orderBy('createdAt', 'desc').orderBy('id').execute();
  return rows.map(toInfo);
}

export async function findApiKey(db: Kysely<Database>, id: string): Promise<ApiKeyInfo | undefined> {
  const row = await db.selectFrom('apiKeys').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toInfo(row);
}

export async function findApiKeyByHash(db: Kysely<Database>, keyHash: string): Promise<{ info: ApiKeyInfo; keyHash: string } | undefined> {
  const row = await db.selectFrom('apiKeys').selectAll().where('keyHash', '=', keyHash).executeTakeFirst();
  return row === undefined ? undefined : { info: toInfo(row), keyHash: row.keyHash };
}

export async function markApiKeyRevoked(db: Kysely<Database>, id: string, at: Date): Promise<void> {
  await db
    .updateTable('apiKeys')
    .set({ revokedAt: toTimestamp(at) })
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .execute();
}

export async function touchApiKey(db: Kysely<Database>, id: string, at: Date): Promise<void> {
  await db
    .updateTable('apiKeys')
    .set({ lastUsedAt: toTimestamp(at) })
    .where('id', '=', id)
    .execute();
}
