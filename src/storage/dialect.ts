import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely';

/**
 * The few places where SQLite and PostgreSQL differ, normalised here and nowhere else.
 */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** An auto-incrementing integer primary key: `serial` on PostgreSQL, the rowid alias on SQLite. */
export function addSerialId<T extends string>(
  db: Kysely<any>,
  table: CreateTableBuilder<T, never>,
  name = 'id',
): CreateTableBuilder<T, never> {
  return table.addColumn(name, isPostgres(db) ? 'serial' : 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey());
}

/** A unique-constraint violation, whichever driver raised it. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** PostgreSQL returns counts and bigints as strings; SQLite as numbers. */
export function toNumber(value: string | number | bigint | null | undefined): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : Number(value);
}

export function toBool(value: number | boolean | null | undefined): boolean {
  return value === true || value === 1;
}

export function fromBool(value: boolean): number {
  return value ? 1 : 0;
}

/** Timestamps are stored as ISO-8601 UTC text with milliseconds, which sorts correctly as text. */
export function toTimestamp(date: Date): string {
  return date.toISOString();
}

export function fromTimestamp(text: string): Date;
export function fromTimestamp(text: string | null): Date | null;
export function fromTimestamp(text: string | null): Date | null {
  return text === null ? null : new Date(text);
}

/** Row-level lock for claim queries; SQLite serialises writers already. */
export function forUpdateSkipLocked(db: Kysely<any>) {
  return isPostgres(db) ? sql`for update skip locked` : sql``;
}

/** A row lock held until the transaction ends; SQLite serialises writers already. */
export function forUpdate(db: Kysely<any>) {
  return isPostgres(db) ? sql`for update` : sql``;
}
