import type { Config } from './config.ts';
import type { Ctx } from './shared/context.ts';
import { listIncidents } from './modules/incidents/index.ts';
import { getPage } from './modules/page/index.ts';
import { localDate } from './modules/uptime/index.ts';
import { monthsPerPage, pageOfMonth } from './public-page/history-model.ts';

/**
 * What an operator should know at each start, logged once the page is ready: email subscriptions
 * that cannot be confirmed (no SMTP server), and where the newest incident is when it is older
 * than the months /history and /uptime open on (the bundled example, dated 2025, on a later day).
 */
export async function logStartNotes(ctx: Ctx, config: Pick<Config, 'smtpUrl' | 'publicUrl'>): Promise<void> {
  const page = await getPage(ctx);
  if (config.smtpUrl === undefined && page.settings.allowSubscribers !== false)
    ctx.log.warn(
      { setting: 'AVISO_SMTP_URL' },
      'email subscriptions are open but no SMTP server is set up: the subscribe form refuses email addresses until AVISO_SMTP_URL is set (or subscriptions are closed in the page settings)',
    );
  const now = ctx.clock.now();
  const [newest] = await listIncidents(ctx.db, { kind: 'incident', startedBefore: new Date(now.getTime() + 1), limit: 1 });
  if (newest === undefined) return;
  const current = localDate(now.getTime(), page.timeZone).slice(0, 7);
  const month = localDate(newest.startedAt.getTime(), page.timeZone).slice(0, 7);
  const n = pageOfMonth(current, month);
  if (n === 1) return;
  ctx.log.info(
    {
      incident: newest.name,
      month,
      history: `${config.publicUrl}/history?page=${n}#m-${month}`,
      uptime: `${config.publicUrl}/uptime?page=${n}`,
      incidentPage: `${config.publicUrl}/incidents/${newest.id}`,
    },
    `the newest incident is from ${month}, older than the ${monthsPerPage} months /history and /uptime open on: see the links here (both pages also link to it)`,
  );
}
