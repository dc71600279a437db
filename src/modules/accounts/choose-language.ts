import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { isLocale, type Locale } from '../../shared/locales.ts';
import { writePrivately } from '../../storage/write.ts';
import { findUser, updateUserLocale } from './user-store.ts';

/**
 * A member chooses the language they read the admin in: one of the supported locales, or none to
 * follow their browser's languages. A personal preference, so it is not in the audit log.
 */
export async function chooseLanguage(ctx: Ctx, userId: string, locale: string | null): Promise<Locale | null> {
  const chosen = locale === null || locale === '' ? null : locale;
  if (chosen !== null && !isLocale(chosen)) {
    throw new AppError('validation_failed', `"${chosen}" is not a language Aviso is written in.`, [
      { path: 'locale', message: 'is not a language Aviso is written in' },
    ]);
  }
  const user = await findUser(ctx.db, userId);
  if (user === undefined) throw new AppError('user_not_found', `No team member has the id "${userId}".`);
  await writePrivately(ctx, (tx) => updateUserLocale(tx, userId, chosen, ctx.clock.now()));
  return chosen;
}
