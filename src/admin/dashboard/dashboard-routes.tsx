import type { AppDeps } from '../../app-deps.ts';
import type { App } from '../../http/create-app.ts';
import { listComponentsInOrder, overallStatus, knownLeafStatuses } from '../../modules/components/index.ts';
import { queryIncidents } from '../../modules/incidents/index.ts';
import { screen, show } from '../admin-screen.tsx';
import { emptyForm } from '../form-values.ts';
import { Dashboard } from './dashboard-view.tsx';

/** The dashboard: status now, what is open, what is coming, and the one-form incident box. */
export function registerDashboardRoutes(scope: App, deps: AppDeps): void {
  scope.get('/', async (request, reply) => {
    const s = await screen(deps, request);
    const components = await listComponentsInOrder(s.ctx);
    const overall = overallStatus(knownLeafStatuses(components));
    const open = await queryIncidents(s.ctx, { kind: 'incident', statuses: ['investigating', 'identified', 'monitoring'] });
    const maintenances = (await queryIncidents(s.ctx, { kind: 'maintenance', statuses: ['scheduled', 'in_progress', 'verifying'] })).sort(
      (a, b) => (a.schedule?.scheduledFor.getTime() ?? 0) - (b.schedule?.scheduledFor.getTime() ?? 0),
    );
    return show(
      reply,
      s,
      'Dashboard',
      'dashboard',
      <Dashboard s={s} overall={overall} components={components} open={open} maintenances={maintenances} form={emptyForm()} />,
    );
  });
}
