import type { App } from '../http/create-app.ts';
import type { AppDeps } from '../app-deps.ts';
import { publicRead } from '../api/v2/public-read.ts';
import { renderMaintenanceCalendar } from './maintenance-calendar.ts';

/** `/maintenances.ics`, for calendar apps to subscribe to. */
export function registerCalendarRoutes(app: App, deps: AppDeps): void {
  publicRead(
    app,
    deps,
    '/maintenances.ics',
    () => 'calendar:maintenances',
    async () => ({
      body: await renderMaintenanceCalendar(deps.ctx),
      contentType: 'text/calendar; charset=utf-8',
      headers: { 'content-disposition': 'inline; filename="maintenances.ics"' },
    }),
  );
}
