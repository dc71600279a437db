import { isComponentStatus, type ComponentStatus } from '../components/index.ts';

/** One component (or group) of another status page, as its source lists it. */
export interface UpstreamComponent {
  id: string;
  name: string;
  status: ComponentStatus;
  isGroup: boolean;
  groupId: string | null;
}

/** How one kind of status page is read: the document to request and how to read its components. */
export interface SourceAdapter {
  kind: SourceKind;
  /** The URL polled for a page at `sourceUrl` (the page's own address, as a visitor types it). */
  documentUrl(sourceUrl: string): string;
  /** The page's components, or undefined when the document is not what this kind of page serves. */
  read(document: unknown): UpstreamComponent[] | undefined;
}

export const sourceKinds = ['statuspage', 'instatus'] as const;
export type SourceKind = (typeof sourceKinds)[number];

function base(sourceUrl: string): string {
  return sourceUrl.replace(/\/+$/, '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Statuspage's public API v2 (`/api/v2/summary.json`), which incident.io's compatible endpoints
 * and Aviso serve too. A group carries the worst status of its children, as the source shows it.
 */
export const statuspageAdapter: SourceAdapter = {
  kind: 'statuspage',
  documentUrl: (sourceUrl) => `${base(sourceUrl)}/api/v2/summary.json`,
  read(document) {
    if (!isRecord(document) || !Array.isArray(document['components'])) return undefined;
    const components: UpstreamComponent[] = [];
    for (const c of document['components']) {
      if (!isRecord(c) || typeof c['id'] !== 'string' || typeof c['name'] !== 'string') continue;
      const status = typeof c['status'] === 'string' && isComponentStatus(c['status']) ? c['status'] : undefined;
      if (status === undefined) continue;
      components.push({
        id: c['id'],
        name: c['name'],
        status,
        isGroup: c['group'] === true,
        groupId: typeof c['group_id'] === 'string' ? c['group_id'] : null,
      });
    }
    return components;
  },
};

const instatusStatuses: Record<string, ComponentStatus> = {
  OPERATIONAL: 'operational',
  UNDERMAINTENANCE: 'under_maintenance',
  DEGRADEDPERFORMANCE: 'degraded_performance',
  PARTIALOUTAGE: 'partial_outage',
  MAJOROUTAGE: 'major_outage',
};

function instatusStatus(value: unknown): ComponentStatus | undefined {
  if (typeof value !== 'string') return undefined;
  const key = value.toUpperCase().replace(/[^A-Z]/g, '');
  return instatusStatuses[key];
}

/**
 * Instatus pages (`/v2/components.json`): components with upper-case statuses
 * (`MAJOROUTAGE`), a group's children under `children` or a child's group under `group`.
 */
export const instatusAdapter: SourceAdapter = {
  kind: 'instatus',
  documentUrl: (sourceUrl) => `${base(sourceUrl)}/v2/components.json`,
  read(document) {
    if (!isRecord(document) || !Array.isArray(document['components'])) return undefined;
    const components: UpstreamComponent[] = [];
    const add = (c: unknown, groupId: string | null) => {
      if (!isRecord(c) || typeof c['id'] !== 'string' || typeof c['name'] !== 'string') return;
      const status = instatusStatus(c['status']);
      const children = Array.isArray(c['children']) ? c['children'] : [];
      const group = isRecord(c['group']) && typeof c['group']['id'] === 'string' ? c['group'] : undefined;
      if (group !== undefined && !components.some((k) => k.id === group['id']) && typeof group['name'] === 'string')
        components.push({ id: group['id'] as string, name: group['name'], status: 'operational', isGroup: true, groupId: null });
      if (status === undefined && children.length === 0) return;
      components.push({
        id: c['id'],
        name: c['name'],
        status: status ?? 'operational',
        isGroup: children.length > 0,
        groupId: (group?.['id'] as string | undefined) ?? groupId,
      });
      for (const child of children) add(child, c['id']);
    };
    for (const c of document['components']) add(c, null);
    // A group shows the worst of its children.
    const severity: ComponentStatus[] = ['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage'];
    for (const g of components.filter((k) => k.isGroup)) {
      const worst = Math.max(
        severity.indexOf(g.status),
        ...components.filter((k) => k.groupId === g.id).map((k) => severity.indexOf(k.status)),
      );
      g.status = severity[worst] ?? g.status;
    }
    return components;
  },
};

const adapters: Record<SourceKind, SourceAdapter> = { statuspage: statuspageAdapter, instatus: instatusAdapter };

export function adapterFor(kind: string): SourceAdapter {
  return adapters[kind as SourceKind] ?? statuspageAdapter;
}

/** The kind a source URL is read as: Instatus for its own domain, Statuspage's API v2 otherwise. */
export function kindOf(sourceUrl: string): SourceKind {
  try {
    return new URL(sourceUrl).hostname.endsWith('.instatus.com') ? 'instatus' : 'statuspage';
  } catch {
    return 'statuspage';
  }
}

/** "Email Services → Outbound Delivery": a component's name after its group's, as the admin lists them. */
export function upstreamPath(component: UpstreamComponent, all: readonly UpstreamComponent[]): string {
  const group = component.groupId === null ? undefined : all.find((c) => c.id === component.groupId);
  return group === undefined ? component.name : `${group.name} → ${component.name}`;
}
