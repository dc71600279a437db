import { toAppError } from '../../http/errors.ts';
import { AppError } from '../../shared/errors.ts';

const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Runs a verb and, when it refuses a field, names the field as a Statuspage client sent it:
 * `scheduledUntil` becomes `incident.scheduled_until`, in the details and in the message.
 */
export async function inStatuspageTerms<T>(root: string, names: Record<string, string>, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const known = toAppError(error);
    if (known.code === 'internal_error' || known.details === undefined || known.details.length === 0) throw error;
    const details = known.details.map((detail) => {
      if (detail.path === undefined || detail.path === '') return detail;
      const [field = '', ...rest] = detail.path.split('.');
      return { ...detail, path: [root, names[field] ?? snakeCase(field), ...rest].join('.') };
    });
    const first = details[0]!;
    throw new AppError(known.code, first.path === undefined ? first.message : `${first.path}: ${first.message}`, details);
  }
}
