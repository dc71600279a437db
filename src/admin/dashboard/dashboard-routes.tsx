import type { AppDeps } from '../../app-deps.ts';
import type { App } from '../../http/create-app.ts';
import { listComponentsInOrder } from '../../modules/components/index.ts';
import { queryIncidents } from '../../modules/incidents/index.ts';
import { listMonitors } from '../../modules/monitors/index.ts';
import { getPage } from '../../modules/page/index.ts';
import { screen, show } from '../admin-screen.tsx';
import { emptyForm } from '../form-values.ts';
import { brokenNow } from './broken-now.ts';
import { Dashboard } from './dashboard-view.tsx';

/** The dashboard: what is broken now, what is coming, and the one-form incident box. */
export function registerDashboardRoutes(scope: App, deps: AppDeps): void {
  scope.get('/', async (request, reply) => {
    const s = await screen(deps, request);
    const components = await listComponentsInOrder(s.ctx);
    const open = await queryIncidents(s.ctx, { kind: 'incident', statuses: ['investigating', 'identified', 'monitoring'] });
    const maintenances = (await queryIncidents(s.ctx, { kind: 'maintenance', statuses: ['scheduled', 'in_progress', 'verifying'] })).sort(
      (a, b) => (a.schedule?.scheduledFor.getTime() ?? 0) - (b.schedule?.scheduledFor.getTime() ?? 0),
    );
    const broken = brokenNow({ components, openIncidents: open, maintenances, monitors: await listMonitors(s.ctx) });
    const upcoming = maintenances.filter((m) => m.status === 'scheduled');
    const page = await getPage(s.ctx);
    // Said where the operator looks first, as the start log says it: visitors would be refused.
    const warnings =
      deps.config.smtpUrl === undefined && page.settings.allowSubscribers !== false
        ? [s.t('adminDashboard.smtpMissing', { variable: 'AVISO_SMTP_URL' })]
        : [];
    return show(
      reply,
      s,
      s.t('adminDashboard.title'),
      'dashboard',
      <Dashboard s={s} broken={broken} upcoming={upcoming} components={components} form={emptyForm()} warnings={warnings} />,
    );
  });
}
