import { AppError } from '../../shared/errors.ts';

/** Statuspage's default and largest page size. */
export const maxPerPage = 100;

function positiveInt(value: unknown, name: string, fallback: number, max?: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new AppError('validation_failed', `${name}: must be a whole number of at least 1`, [
      { path: name, message: 'must be a whole number of at least 1' },
    ]);
  return max === undefined ? n : Math.min(n, max);
}

/** `page` (1-based) and the size parameter (`per_page` or `limit`), capped at 100. */
export function pageWindow(query: Record<string, unknown>, sizeName: 'per_page' | 'limit'): { offset: number; limit: number } {
  const size = positiveInt(query[sizeName], sizeName, maxPerPage, maxPerPage);
  const page = positiveInt(query.page, 'page', 1);
  return { offset: (page - 1) * size, limit: size };
}

export function paginate<T>(items: T[], query: Record<string, unknown>, sizeName: 'per_page' | 'limit'): T[] {
  const { offset, limit } = pageWindow(query, sizeName);
  return items.slice(offset, offset + limit);
}
