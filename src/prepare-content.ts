import type { Config } from './config.ts';
import type { Ctx } from './shared/context.ts';
import { ensurePage, findPage } from './modules/page/index.ts';
import { prepareAccounts } from './prepare-accounts.ts';

/**
 * Gives an empty database its page: the configured example (AVISO_EXAMPLE, "kinescope" by
 * default) or, with AVISO_EXAMPLE=none, a blank page. A database that has a page is left alone.
 */
export async function prepareContent(ctx: Ctx, config: Config): Promise<void> {
  // The first owner (or the setup link) does not depend on the page's content, so it comes first.
  await prepareAccounts(ctx, config);
  const existing = await findPage(ctx.db);
  if (existing !== undefined) {
    if (config.example === 'none')
      ctx.log.info(
        { page: existing.name },
        'AVISO_EXAMPLE=none applies to an empty database only: this one already has a page, which is kept as it is (start with an empty data directory or database for a blank page)',
      );
    return;
  }
  if (config.example !== 'none') {
    // Page files (and their YAML parser) are loaded only for an empty database, not on every start.
    const { loadExample } = await import('./modules/page-as-code/index.ts');
    await loadExample(ctx, config.example);
    ctx.log.info({ example: config.example }, 'example page loaded');
    return;
  }
  await ensurePage(ctx, {
    name: 'Aviso',
    url: config.publicUrl,
    timeZone: 'Etc/UTC',
    defaultLocale: 'en',
    locales: ['en', 'pt-BR', 'es', 'ru', 'de', 'fr', 'ar', 'ja'],
  });
}
