import type { Migration } from 'kysely';
import * as createPages from './0001-create-pages.ts';
import * as createComponents from './0002-create-components.ts';
import * as createIncidents from './0003-create-incidents.ts';
import * as createJobs from './0004-create-jobs.ts';

/** The one list of migrations, in order, for both SQLite and PostgreSQL. Append only. */
export const migrations: Record<string, Migration> = {
  '0001-create-pages': createPages,
  '0002-create-components': createComponents,
  '0003-create-incidents': createIncidents,
  '0004-create-jobs': createJobs,
};
