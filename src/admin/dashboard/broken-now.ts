import type { Component } from '../../modules/components/index.ts';
import type { Incident } from '../../modules/incidents/index.ts';
import type { MonitorView } from '../../modules/monitors/index.ts';

/** What the on-call operator has to look at now. */
export interface BrokenNow {
  /** Components (not groups) whose status is not operational, named with their group. */
  components: { component: Component; name: string }[];
  openIncidents: Incident[];
  /** Maintenances whose window has started and that are not completed. */
  runningMaintenances: Incident[];
  /** Monitors not paused whose last confirmed state is down or degraded. */
  failingMonitors: MonitorView[];
  allClear: boolean;
}

export function brokenNow(input: {
  components: Component[];
  openIncidents: Incident[];
  maintenances: Incident[];
  monitors: MonitorView[];
}): BrokenNow {
  const groups = new Map(input.components.filter((c) => c.isGroup).map((c) => [c.id, c.name]));
  const components = input.components
    .filter((c) => !c.isGroup && c.status !== 'operational')
    .map((component) => {
      const group = component.groupId === null ? undefined : groups.get(component.groupId);
      return { component, name: group === undefined ? component.name : `${group} – ${component.name}` };
    });
  const runningMaintenances = input.maintenances.filter((m) => m.status === 'in_progress' || m.status === 'verifying');
  const failingMonitors = input.monitors.filter((v) => !v.monitor.paused && (v.status.state === 'down' || v.status.state === 'degraded'));
  return {
    components,
    openIncidents: input.openIncidents,
    runningMaintenances,
    failingMonitors,
    allClear:
      components.length === 0 && input.openIncidents.length === 0 && runningMaintenances.length === 0 && failingMonitors.length === 0,
  };
}
