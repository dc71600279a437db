import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Ctx } from '../shared/context.ts';

interface ImportOptions {
  dryRun?: boolean;
  merge?: boolean;
  output?: string;
  apiKey?: string;
  pageId?: string;
  apiUrl?: string;
}

type WithContext = <T>(work: (ctx: Ctx) => Promise<T>) => Promise<T>;

/** `aviso import statuspage URL`: a public Statuspage page, moved in as a page file. */
export function registerImportCommand(program: Command, withContext: WithContext): void {
  const command = program.command('import').description('Move a page in from another status page service.');
  command
    .command('statuspage')
    .description(
      "Import a public Statuspage page (API v2): components, groups, incidents with their updates, scheduled maintenances. With --api-key and --page-id, read the Manage API v1 instead: every incident, templates and confirmed subscribers too. Keeps the source's ids, so importing again changes nothing.",
    )
    .argument('[url]', 'the page as visitors open it, e.g. https://status.example.com (not with --api-key)')
    .option('--api-key <key>', 'a Statuspage API key: read the Manage API v1 (with --page-id)')
    .option('--page-id <id>', 'the Statuspage page id (with --api-key)')
    .option('--api-url <url>', 'the Manage API root', 'https://api.statuspage.io/v1')
    .option('--dry-run', 'print what would change and change nothing')
    .option('--merge', 'keep what this page has already and add the import')
    .option('-o, --output <file>', 'also write the imported page as a page file (YAML) to review or apply later')
    .action(async (url: string | undefined, options: ImportOptions) => {
      const manage = options.apiKey !== undefined || options.pageId !== undefined;
      if (manage ? options.apiKey === undefined || options.pageId === undefined || url !== undefined : url === undefined) {
        console.error('Give either the page URL, or --api-key and --page-id (Manage API v1), not both.');
        process.exitCode = 2;
        return;
      }
      const [{ loadConfig }, { createOutbound }, { importStatuspage, importStatuspageManageApi }] = await Promise.all([
        import('../config.ts'),
        import('../outbound/index.ts'),
        import('../modules/statuspage-import/index.ts'),
      ]);
      const outbound = createOutbound(loadConfig().outbound);
      try {
        const actor = { kind: 'system' as const, id: null, name: 'aviso import statuspage' };
        const how = { dryRun: options.dryRun === true, merge: options.merge === true };
        const result = await withContext((ctx) =>
          manage
            ? importStatuspageManageApi(
                { ...ctx, actor },
                outbound,
                { apiKey: options.apiKey!, pageId: options.pageId!, apiUrl: options.apiUrl },
                how,
              )
            : importStatuspage({ ...ctx, actor }, outbound, url!, how),
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
