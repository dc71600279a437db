import type { Command } from 'commander';

/** `aviso export-static DIR`: the public site as static files a plain web server serves (docs/operations.md). */
export function registerExportStaticCommand(program: Command): void {
  program
    .command('export-static')
    .description('Write the public site (every page in every language, feeds, calendar, badges, widget, API v2) as static files.')
    .argument('<dir>', 'the directory to write; replaced as a whole when the export is complete')
    .action(async (dir: string) => {
      const [{ loadConfig }, { openDatabase }, { migrate }, { buildAviso }, { exportStaticSite }, { createLogger }] = await Promise.all([
        import('../config.ts'),
        import('../storage/database.ts'),
        import('../storage/migrate.ts'),
        import('../app.ts'),
        import('../site/export-static.ts'),
        import('../shared/logger.ts'),
      ]);
      const config = loadConfig();
      const database = openDatabase(config.database);
      try {
        await migrate(database.db);
        const aviso = await buildAviso({ config, database, log: createLogger('warn') });
        try {
          const result = await exportStaticSite({ app: aviso.app, ctx: aviso.deps.ctx, dir, publicUrl: config.publicUrl });
          console.log(`Wrote ${result.files} files to ${dir}.`);
          for (const url of result.missing) console.log(`  not exported: ${url}`);
        } finally {
          await aviso.close();
        }
      } finally {
        await database.close();
      }
    });
}
