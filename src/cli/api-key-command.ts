import { Option, type Command } from 'commander';
import type { ApiKeyScope } from '../modules/accounts/index.ts';
import type { Ctx } from '../shared/context.ts';

// Loaded when a command runs, so `aviso --help` stays quick.
const accounts = () => import('../modules/accounts/index.ts');

type WithContext = <T>(work: (ctx: Ctx) => Promise<T>) => Promise<T>;

/** `aviso api-key create|list|revoke`: keys for tools, made where the server's database is. */
export function registerApiKeyCommand(program: Command, withContext: WithContext): void {
  const apiKey = program.command('api-key').description('Create, list and revoke API keys for the management APIs.');

  apiKey
    .command('create')
    .description('Create an API key and print it once; only its hash is kept.')
    .requiredOption('--name <name>', 'what the key is for, e.g. "deploy bot"')
    .addOption(
      new Option('--scope <scope>', 'read; write to change the page too; admin for subscribers, keys and login addresses as well')
        .choices(['read', 'write', 'admin'])
        .default('read'),
    )
    .action(async (options: { name: string; scope: string }) => {
      const actor = { kind: 'system' as const, id: null, name: 'aviso api-key create' };
      const { createApiKey } = await accounts();
      const { key, info } = await withContext((ctx) =>
        createApiKey({ ...ctx, actor }, { name: options.name, scope: options.scope as ApiKeyScope }),
      );
      console.log(key);
      console.error(`Created ${info.scope} key "${info.name}" (id ${info.id}). Store it now: it cannot be shown again.`);
      console.error('Send it as "Authorization: OAuth <key>" or "Authorization: Bearer <key>".');
    });

  apiKey
    .command('list')
    .description('List API keys (never the keys themselves).')
    .action(async () => {
      const { listApiKeys } = await accounts();
      const keys = await withContext((ctx) => listApiKeys(ctx));
      if (keys.length === 0) return console.log('No API keys.');
      for (const k of keys) {
        const state = k.revokedAt !== null ? `revoked ${k.revokedAt.toISOString()}` : `last used ${k.lastUsedAt?.toISOString() ?? 'never'}`;
        console.log(`${k.id}  ${k.prefix}…  ${k.scope.padEnd(5)}  ${k.name}  (${state})`);
      }
    });

  apiKey
    .command('revoke')
    .description('Revoke an API key by its id; requests with it are refused from now on.')
    .argument('<id>', 'the key id shown by "aviso api-key list"')
    .action(async (id: string) => {
      const actor = { kind: 'system' as const, id: null, name: 'aviso api-key revoke' };
      const { revokeApiKey } = await accounts();
      const info = await withContext((ctx) => revokeApiKey({ ...ctx, actor }, id));
      console.log(`Revoked "${info.name}" (${info.id}).`);
    });
}
