import type { Ctx } from '../../shared/context.ts';
import { AppError, type ErrorDetail } from '../../shared/errors.ts';
import { isLocale } from '../../shared/locales.ts';
import { writePrivately } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { checkEndpoints, type EndpointCheck } from './endpoint-check.ts';
import { buildSubscriber, checkScope } from './subscribe.ts';
import { addressKey, type Subscriber } from './subscriber.ts';
import { subscribeSchema } from './subscriber-schemas.ts';
import { insertSubscribers, listAllSubscribers } from './subscriber-store.ts';

export const csvHeader = ['id', 'channel', 'address', 'state', 'scope', 'component_ids', 'incident_id', 'locale', 'created_at'];

function csvCell(value: string): string {
  // A leading = + - @ would be run as a formula by spreadsheet programs.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Every subscriber as CSV, written a page at a time so a large list does not sit in memory. */
export async function* exportSubscribersCsv(ctx: Pick<Ctx, 'db'>): AsyncGenerator<string> {
  yield `${csvHeader.join(',')}\n`;
  let after = '';
  for (;;) {
    const page = await listAllSubscribers(ctx.db, after, 500);
    if (page.length === 0) return;
    yield (
      page
        .map((s) =>
          [s.id, s.channel, s.address, s.state, s.scope, s.componentIds.join(' '), s.incidentId ?? '', s.locale, s.createdAt.toISOString()]
            .map(csvCell)
            .join(','),
        )
        .join('\n') + '\n'
    );
    after = page[page.length - 1]!.id;
  }
}

/** Splits CSV text into rows of cells (quoted cells may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) endRow();
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

/**
 * Imports subscribers from CSV with a header row naming at least `address` (and optionally
 * `channel`, `component_ids` separated by spaces, `locale`). Imported addresses are active: the
 * operator brings a list that already opted in. Every row is checked before any is written,
 * endpoints included (they must be public unless the operator's policy allows their range).
 */
export async function importSubscribersCsv(ctx: Ctx, text: string, endpoints: EndpointCheck): Promise<{ added: number; skipped: number }> {
  const [header, ...rows] = parseCsv(text);
  const columns = (header ?? []).map((h) => h.trim().toLowerCase());
  const at = (row: string[], name: string) => {
    const index = columns.indexOf(name);
    return index < 0 ? '' : (row[index] ?? '').trim().replace(/^'/, '');
  };
  if (!columns.includes('address')) throw new AppError('validation_failed', 'The CSV needs a header row with an "address" column.');
  const problems: ErrorDetail[] = [];
  const parsed = rows.map((row, index) => {
    const locale = at(row, 'locale');
    const result = subscribeSchema.safeParse({
      channel: at(row, 'channel') || 'email',
      address: at(row, 'address'),
      componentIds: at(row, 'component_ids')
        .split(/[\s;]+/)
        .filter(Boolean),
      locale: isLocale(locale) ? locale : 'en',
    });
    if (!result.success)
      problems.push({ path: `line ${index + 2}`, message: result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    return result.data;
  });
  if (problems.length === 0) {
    const valid = parsed.flatMap((data, index) =>
      data === undefined ? [] : [{ line: index + 2, channel: data.channel, address: data.address }],
    );
    problems.push(...(await checkEndpoints(endpoints, valid)));
  }
  if (problems.length > 0)
    throw new AppError('validation_failed', 'Some rows of the CSV are not valid; nothing was imported.', problems.slice(0, 50));
  return writePrivately(ctx, async (tx) => {
    const now = ctx.clock.now();
    const entries: { subscriber: Subscriber; key: string }[] = [];
    for (const data of parsed) {
      if (data === undefined) continue;
      await checkScope(tx, data);
      entries.push({ subscriber: buildSubscriber(data, now, undefined, 'active'), key: addressKey(data.channel, data.address, null) });
    }
    const added = await insertSubscribers(tx, entries);
    await recordAudit(tx, ctx.actor, {
      action: 'subscriber.import',
      entityType: 'subscriber',
      entityId: null,
      before: null,
      after: { added },
      at: now,
    });
    return { added, skipped: entries.length - added };
  });
}
