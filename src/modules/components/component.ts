import type { ComponentId } from '../../shared/ids.ts';
import type { Locale } from '../../shared/locales.ts';

export const componentStatuses = ['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage'] as const;
export type ComponentStatus = (typeof componentStatuses)[number];

/** Why a component's status changed; recorded with every change for uptime and audit. */
export const statusCauses = ['incident', 'maintenance', 'monitor', 'manual', 'third_party', 'import'] as const;
export type StatusCause = (typeof statusCauses)[number];

export interface Component {
  id: ComponentId;
  name: string;
  description: string | null;
  position: number;
  isGroup: boolean;
  groupId: ComponentId | null;
  status: ComponentStatus;
  showcase: boolean;
  onlyShowIfDegraded: boolean;
  /** `YYYY-MM-DD` in the page's time zone; uptime counts from here. */
  startDate: string | null;
  thirdParty: { sourceUrl: string; componentId: string } | null;
  /** A third-party component whose source could not be read: since when (its status is the last one read). */
  statusUnknownSince: Date | null;
  /** A third-party component whose status an operator holds against its source: until when. */
  mirrorHeldUntil: Date | null;
  /** The operator's translations, by language; `name` and `description` above are in the page's default language. */
  translations: ComponentTranslations;
  createdAt: Date;
  updatedAt: Date;
}

/** A component's or group's name and description in one more of the page's languages. */
export interface ComponentTranslation {
  name?: string;
  description?: string;
}
export type ComponentTranslations = Partial<Record<Locale, ComponentTranslation>>;

/** The component as a reader of `locale` reads it: the operator's translation where there is one, else as written. */
export function localizeComponent<T extends Pick<Component, 'name' | 'description' | 'translations'>>(component: T, locale: Locale): T {
  const translation = component.translations[locale];
  if (translation === undefined) return component;
  return { ...component, name: translation.name ?? component.name, description: translation.description ?? component.description };
}

export interface StatusChange {
  componentId: ComponentId;
  status: ComponentStatus;
  changedAt: Date;
  cause: StatusCause;
  causeId: string | null;
}

// Order of severity: a group shows its most degraded child.
const severity: Record<ComponentStatus, number> = {
  operational: 0,
  under_maintenance: 1,
  degraded_performance: 2,
  partial_outage: 3,
  major_outage: 4,
};

export function isComponentStatus(value: string): value is ComponentStatus {
  return (componentStatuses as readonly string[]).includes(value);
}

export function compareSeverity(a: ComponentStatus, b: ComponentStatus): number {
  return severity[a] - severity[b];
}

/** The most degraded of the given statuses; operational when there are none. */
export function worstStatus(statuses: Iterable<ComponentStatus>): ComponentStatus {
  let worst: ComponentStatus = 'operational';
  for (const status of statuses) if (severity[status] > severity[worst]) worst = status;
  return worst;
}

/** Components with a group's status replaced by the worst of its children. */
export function withGroupStatuses<T extends Pick<Component, 'id' | 'isGroup' | 'groupId' | 'status'>>(components: T[]): T[] {
  const childStatuses = new Map<string, ComponentStatus[]>();
  for (const c of components) {
    if (c.groupId === null) continue;
    const list = childStatuses.get(c.groupId) ?? [];
    list.push(c.status);
    childStatuses.set(c.groupId, list);
  }
  return components.map((c) => (c.isGroup ? { ...c, status: worstStatus(childStatuses.get(c.id) ?? []) } : c));
}

/**
 * Page order, as Statuspage lists components: top-level items by position, each group followed by
 * its children by position; ties by creation time.
 */
export function inPageOrder<T extends Pick<Component, 'id' | 'groupId' | 'position' | 'createdAt'>>(components: T[]): T[] {
  const byPosition = (a: T, b: T) => a.position - b.position || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);
  const top = components.filter((c) => c.groupId === null).sort(byPosition);
  const result: T[] = [];
  for (const item of top) {
    result.push(item);
    result.push(...components.filter((c) => c.groupId === item.id).sort(byPosition));
  }
  // Children whose group is missing (should not happen) still appear, at the end.
  const placed = new Set(result.map((c) => c.id));
  result.push(...components.filter((c) => !placed.has(c.id)).sort(byPosition));
  return result;
}
