import { buildAviso, type Aviso } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Ctx } from '../../src/shared/context.ts';
import { silentLogger } from '../../src/shared/logger.ts';
import { createComponent, createComponentGroup, type Component } from '../../src/modules/components/index.ts';
import {
  openIncident,
  postIncidentUpdate,
  publishPostmortem,
  savePostmortemDraft,
  scheduleMaintenance,
  type Incident,
} from '../../src/modules/incidents/index.ts';
import { loadExample } from '../../src/modules/page-as-code/index.ts';
import { createTestContext, type TestContext } from './test-context.ts';

export interface PublicApp extends TestContext {
  aviso: Aviso;
  /** Writes through this context are seen by the app's cache at once (it shares its revisions). */
  appCtx: Ctx;
  close(): Promise<void>;
}

/** The whole Aviso app over a fresh test database, its page at http://127.0.0.1 (or the example's address). */
export async function createPublicApp(options: { timeZone?: string; now?: string; example?: string } = {}): Promise<PublicApp> {
  const test = await createTestContext({
    now: options.now ?? '2025-11-20T12:00:00.000Z',
    withPage: options.example === undefined,
    ...(options.timeZone !== undefined && { timeZone: options.timeZone }),
  });
  // A bundled example page instead of a blank one, loaded as Aviso loads it at first start.
  if (options.example !== undefined) await loadExample(test.ctx, options.example);
  const config = loadConfig({ AVISO_PUBLIC_URL: 'http://127.0.0.1', AVISO_LOG_LEVEL: 'silent', AVISO_EXAMPLE: 'none' });
  const aviso = await buildAviso({ config, database: test.database, log: silentLogger, clock: test.clock });
  return {
    ...test,
    aviso,
    appCtx: aviso.deps.ctx,
    close: async () => {
      await aviso.close();
      await test.close();
    },
  };
}

export interface Scenario {
  api: Component;
  dashboard: Component;
  login: Component;
  web: Component;
  cdn: Component;
  /** Unresolved, on Dashboard (partial outage), three updates: investigating, identified, identified. */
  activeIncident: Incident;
  /** Resolved on 18 Nov with a published postmortem. */
  pastIncident: Incident;
  /** In progress now on CDN. */
  activeMaintenance: Incident;
  /** 27 Nov, on API. */
  upcomingMaintenance: Incident;
  /** Ran on 10 Nov. */
  completedMaintenance: Incident;
  /** Scheduled for 25 Nov, called off (completed) on 19 Nov. */
  cancelledMaintenance: Incident;
}

/**
 * A page in the middle of things: grouped components, an active incident, a maintenance under
 * way and one upcoming, past events (one with a postmortem, one called off). Ends at 20 Nov 12:00 UTC.
 */
export async function buildScenario(app: PublicApp): Promise<Scenario> {
  const ctx = app.appCtx;
  const at = (iso: string) => app.clock.set(iso);
  at('2025-11-01T09:00:00.000Z');
  const api = await createComponent(ctx, { name: 'API', description: 'Public REST API', startDate: '2025-11-01' });
  const dashboard = await createComponent(ctx, { name: 'Dashboard' });
  const login = await createComponent(ctx, { name: 'Login' });
  const web = await createComponentGroup(ctx, {
    name: 'Web app',
    componentIds: [dashboard.id, login.id],
    description: 'What customers use in the browser',
  });
  const cdn = await createComponent(ctx, { name: 'CDN', showcase: false });

  at('2025-11-09T20:00:00.000Z');
  const completed = await scheduleMaintenance(ctx, {
    name: 'Database upgrade',
    scheduledFor: '2025-11-10T02:00:00.000Z',
    scheduledUntil: '2025-11-10T04:00:00.000Z',
    componentIds: [api.id],
  });
  at('2025-11-10T02:00:00.000Z');
  await postIncidentUpdate(ctx, completed.id, { status: 'in_progress', components: { [api.id]: 'under_maintenance' } });
  at('2025-11-10T03:30:00.000Z');
  const completedMaintenance = await postIncidentUpdate(ctx, completed.id, {
    status: 'completed',
    components: { [api.id]: 'operational' },
  });

  at('2025-11-12T10:00:00.000Z');
  const called = await scheduleMaintenance(ctx, {
    name: 'Network switch replacement',
    scheduledFor: '2025-11-25T01:00:00.000Z',
    scheduledUntil: '2025-11-25T03:00:00.000Z',
    componentIds: [cdn.id],
  });

  at('2025-11-18T08:00:00.000Z');
  const past = await openIncident(ctx, { name: 'API errors', body: 'Requests to the API fail.', components: { [api.id]: 'major_outage' } });
  at('2025-11-18T09:15:00.000Z');
  await postIncidentUpdate(ctx, past.id, { status: 'resolved', body: 'Requests succeed again.', components: { [api.id]: 'operational' } });
  at('2025-11-19T10:00:00.000Z');
  await savePostmortemDraft(ctx, past.id, { body: '## What happened\n\nA bad deploy. We now canary every release.' });
  at('2025-11-19T11:00:00.000Z');
  const pastIncident = await publishPostmortem(ctx, past.id);
  at('2025-11-19T12:00:00.000Z');
  const cancelledMaintenance = await postIncidentUpdate(ctx, called.id, {
    status: 'completed',
    body: 'This maintenance is cancelled; the switch will be replaced later.',
  });

  at('2025-11-20T10:00:00.000Z');
  const active = await openIncident(ctx, { name: 'Slow dashboard', components: { [dashboard.id]: 'partial_outage' } });
  at('2025-11-20T10:20:00.000Z');
  await postIncidentUpdate(ctx, active.id, { status: 'identified', body: 'A slow query; a fix is being deployed.' });
  at('2025-11-20T10:30:00.000Z');
  const running = await scheduleMaintenance(ctx, {
    name: 'CDN certificate rotation',
    scheduledFor: '2025-11-20T11:00:00.000Z',
    scheduledUntil: '2025-11-20T13:00:00.000Z',
    componentIds: [cdn.id],
  });
  at('2025-11-20T11:00:00.000Z');
  const activeMaintenance = await postIncidentUpdate(ctx, running.id, {
    status: 'in_progress',
    components: { [cdn.id]: 'under_maintenance' },
  });
  at('2025-11-20T11:40:00.000Z');
  const activeIncident = await postIncidentUpdate(ctx, active.id, {
    status: 'identified',
    body: 'The fix is rolling out region by region.',
  });

  at('2025-11-20T11:50:00.000Z');
  const upcomingMaintenance = await scheduleMaintenance(ctx, {
    name: 'API gateway upgrade',
    body: 'The API may refuse requests for up to five minutes.',
    scheduledFor: '2025-11-27T02:00:00.000Z',
    scheduledUntil: '2025-11-27T04:00:00.000Z',
    componentIds: [api.id],
  });
  at('2025-11-20T12:00:00.000Z');
  return {
    api,
    dashboard,
    login,
    web,
    cdn,
    activeIncident,
    pastIncident,
    activeMaintenance,
    upcomingMaintenance,
    completedMaintenance,
    cancelledMaintenance,
  };
}
