import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Ctx } from '../shared/context.ts';

type WithContext = <T>(work: (ctx: Ctx) => Promise<T>) => Promise<T>;

/** `aviso import statuspage URL`: a public Statuspage page, moved in as a page file. */
export function registerImportCommand(program: Command, withContext: WithContext): void {
  const command = program.command('import').description('Move a page in from another status page service.');
  command
    .command('statuspage')
    .description(
      "Import a public Statuspage page (API v2): components, groups, incidents with their updates, scheduled maintenances. Keeps the source's ids, so importing again changes nothing.",
    )
    .argument('<url>', 'the page as visitors open it, e.g. https://status.example.com')
    .option('--dry-run', 'print what would change and change nothing')
    .option('--merge', 'keep what this page has already and add the import')
    .option('-o, --output <file>', 'also write the imported page as a page file (YAML) to review or apply later')
    .action(async (url: string, options: { dryRun?: boolean; merge?: boolean; output?: string }) => {
      const [{ loadConfig }, { createOutbound }, { importStatuspage }] = await Promise.all([
        import('../config.ts'),
        import('../outbound/index.ts'),
        import('../modules/statuspage-import/index.ts'),
      ]);
      const outbound = createOutbound(loadConfig().outbound);
      try {
        const actor = { kind: 'system' as const, id: null, name: 'aviso import statuspage' };
        const result = await withContext((ctx) =>
          importStatuspage({ ...ctx, actor }, outbound, url, { dryRun: options.dryRun === true, merge: options.merge === true }),
        );
        if (options.output !== undefined) {
          writeFileSync(options.output, result.yaml);
          console.error(`Wrote the page file to ${options.output}.`);
        }
        if (result.changes.length === 0) console.log('No changes: the page already holds this import.');
        else {
          console.log(options.dryRun === true ? 'Would change:' : 'Changed:');
          for (const line of result.changes) console.log(`  ${line}`);
        }
        if (result.notes.length > 0) {
          console.log('Not carried over:');
          for (const note of result.notes) console.log(`  ${note}`);
        }
      } finally {
        await outbound.close();
      }
    });
}
