import { z } from 'zod';
import type { Db } from '../../storage/database.ts';
import { AppError, invalid, notFound } from '../../shared/errors.ts';
import { findComponentForUpdate } from '../components/index.ts';
import { findTemplate } from '../templates/index.ts';
import { settingsSchemas, type Monitor, type MonitorKind, type MonitorSettings } from './monitor.ts';
import { findMonitor } from './monitor-store.ts';

/** The kind's settings, validated; errors name `settings.<field>`. */
export function parseSettings(kind: MonitorKind, settings: unknown): MonitorSettings {
  const parsed = z.object({ settings: settingsSchemas[kind] }).parse({ settings });
  return { kind, settings: parsed.settings } as MonitorSettings;
}

export function checkTiming(monitor: Pick<Monitor, 'intervalSeconds' | 'timeoutMs' | 'retries'>): void {
  if (monitor.timeoutMs * (monitor.retries + 1) >= monitor.intervalSeconds * 1000)
    throw invalid('The timeout (times the attempts) must be shorter than the interval.', [
      { path: 'timeoutMs', message: 'must be shorter than the interval divided by the attempts' },
    ]);
}

/** A heartbeat is called, it does not call: it has no response time to draw. */
export function checkPublicChart(monitor: Pick<Monitor, 'kind' | 'publicChart'>): void {
  if (monitor.publicChart && monitor.kind === 'heartbeat')
    throw invalid('A heartbeat has no response time to show on the page.', [
      { path: 'publicChart', message: 'a heartbeat has no response time; only checks Aviso makes have one' },
    ]);
}

export async function checkComponent(tx: Db, componentId: string | null): Promise<void> {
  if (componentId === null) return;
  // Locked, so a mirror set on it at the same moment waits for this monitor, and then sees it.
  const component = await findComponentForUpdate(tx, componentId);
  if (component === undefined) throw notFound('component', componentId);
  if (component.isGroup)
    throw new AppError('component_group_invalid', `"${component.name}" is a group; attach the monitor to one of its components.`);
  if (component.thirdParty !== null)
    throw new AppError(
      'component_has_writer',
      `"${component.name}" follows a third-party status page, which already sets its status; stop mirroring it or pick another component.`,
    );
}

export async function checkTemplate(tx: Db, templateId: string | null): Promise<void> {
  if (templateId !== null && (await findTemplate(tx, templateId)) === undefined)
    throw new AppError('template_not_found', `No incident template has the id "${templateId}".`);
}

/** Who may let a monitor reach private addresses: the admin app's members and API keys given that permission. */
export function checkPrivatePermission(allowPrivate: boolean, permitted: boolean): void {
  if (allowPrivate && !permitted)
    throw new AppError('forbidden', 'Only an owner or admin (or an API key allowed to) may let a monitor reach private addresses.');
}

export async function loadMonitor(tx: Db, id: string): Promise<Monitor> {
  const monitor = await findMonitor(tx, id);
  if (monitor === undefined) throw new AppError('monitor_not_found', `No monitor has the id "${id}".`);
  return monitor;
}
