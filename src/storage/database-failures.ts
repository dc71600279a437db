import type { DatabaseConnection, Dialect, Driver, QueryResult, TransactionSettings } from 'kysely';
import { AppError, isDatabaseFailure } from '../shared/errors.ts';

const unreachable: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was lost',
  EPIPE: 'the connection was lost',
  ETIMEDOUT: 'it did not answer in time',
  EHOSTUNREACH: 'its host cannot be reached',
  ENETUNREACH: 'its network cannot be reached',
  ENOTFOUND: 'its host name is not known',
  EAI_AGAIN: 'its host name could not be resolved',
  '57P01': 'the database server is shutting down',
  '57P02': 'the database server stopped',
  '57P03': 'the database server is starting up',
  '08000': 'the connection failed',
  '08001': 'the connection could not be made',
  '08003': 'the connection was lost',
  '08004': 'the database server refused the connection',
  '08006': 'the connection failed',
  SQLITE_CANTOPEN: 'its file cannot be opened',
  SQLITE_IOERR: 'reading or writing its file failed',
};

const pgMessages: [RegExp, string][] = [
  [/^Connection terminated/, 'the connection was lost'],
  [/timeout exceeded when trying to connect/, 'it did not answer in time'],
  [/not queryable/, 'the connection was lost'],
];

/**
 * The database failures a caller cannot fix but an operator can (unreachable, disk full,
 * read-only), as a 503 naming the cause; undefined for any other error. Never names an address.
 */
export function describeDatabaseFailure(error: unknown): AppError | undefined {
  if (error instanceof AppError) return isDatabaseFailure(error.code) ? error : undefined;
  if (!(error instanceof Error)) return undefined;
  const raw = (error as { code?: unknown }).code;
  const code = typeof raw === 'string' ? raw : '';
  if (code === 'SQLITE_FULL' || code === '53100')
    return withCause(new AppError('database_full', 'The disk holding the database is full, so nothing was changed.'), error);
  if (code.startsWith('SQLITE_READONLY') || code === '25006')
    return withCause(new AppError('database_read_only', 'The database is read-only, so nothing was changed.'), error);
  const reason =
    unreachable[code] ?? unreachable[code.replace(/_.*/, '')] ?? pgMessages.find(([pattern]) => pattern.test(error.message))?.[1];
  if (reason === undefined) return undefined;
  return withCause(
    new AppError('database_unavailable', `The database cannot be reached: ${reason}. Nothing was changed; try again once it is back.`),
    error,
  );
}

function withCause(appError: AppError, cause: Error): AppError {
  Object.defineProperty(appError, 'cause', { value: cause, enumerable: false });
  return appError;
}

/**
 * A dialect whose failures of the database itself surface as those 503s, from any statement,
 * connection or commit. A rollback that fails because the transaction is already gone (SQLite
 * rolls back by itself on a full disk; a lost PostgreSQL connection takes its transaction along)
 * does not hide the failure that caused it.
 */
export function describingFailures(dialect: Dialect, refusals: WriteRefusals): Dialect {
  return {
    createDriver: () => new DescribingDriver(dialect.createDriver(), refusals),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
  };
}

/**
 * The last write the database refused (disk full, read-only) until a transaction commits again,
 * so /readyz can say that writes fail even on a database that still answers reads.
 */
export class WriteRefusals {
  #last: { error: AppError; at: number } | undefined;

  refused(error: unknown): void {
    if (error instanceof AppError && (error.code === 'database_full' || error.code === 'database_read_only'))
      this.#last = { error, at: Date.now() };
  }

  committed(): void {
    this.#last = undefined;
  }

  /** The refusal of the last minute, if no transaction committed since. */
  recent(now = Date.now()): AppError | undefined {
    return this.#last !== undefined && now - this.#last.at < 60_000 ? this.#last.error : undefined;
  }
}

class DescribingDriver implements Driver {
  readonly #inner: Driver;
  readonly #refusals: WriteRefusals;
  readonly #unwrap = new WeakMap<DatabaseConnection, DatabaseConnection>();
  readonly #rethrow = (error: unknown): never => {
    const described = describeDatabaseFailure(error);
    this.#refusals.refused(described);
    throw described ?? error;
  };

  constructor(inner: Driver, refusals: WriteRefusals) {
    this.#inner = inner;
    this.#refusals = refusals;
  }

  init(): Promise<void> {
    return Promise.resolve()
      .then(() => this.#inner.init())
      .catch(this.#rethrow);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await Promise.resolve()
      .then(() => this.#inner.acquireConnection())
      .catch(this.#rethrow);
    const wrapped: DatabaseConnection = {
      // SQLite's driver throws synchronously: the call is made inside the promise chain.
      executeQuery: <R>(query: Parameters<DatabaseConnection['executeQuery']>[0]): Promise<QueryResult<R>> =>
        Promise.resolve()
          .then(() => inner.executeQuery<R>(query))
          .catch(this.#rethrow),
      streamQuery: (query, chunkSize) => inner.streamQuery(query, chunkSize),
    };
    this.#unwrap.set(wrapped, inner);
    return wrapped;
  }

  #of(connection: DatabaseConnection): DatabaseConnection {
    return this.#unwrap.get(connection) ?? connection;
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return Promise.resolve()
      .then(() => this.#inner.beginTransaction(this.#of(connection), settings))
      .catch(this.#rethrow);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await Promise.resolve()
      .then(() => this.#inner.commitTransaction(this.#of(connection)))
      .catch(this.#rethrow);
    this.#refusals.committed();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await this.#inner.rollbackTransaction(this.#of(connection));
    } catch (error) {
      const gone = error instanceof Error && /no transaction is active/.test(error.message);
      if (!gone && describeDatabaseFailure(error) === undefined) throw error;
    }
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.#inner.releaseConnection(this.#of(connection));
  }

  destroy(): Promise<void> {
    return this.#inner.destroy();
  }
}
