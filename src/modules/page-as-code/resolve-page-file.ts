import { newId } from '../../shared/ids.ts';
import { dayStart } from '../uptime/index.ts';
import type { IncidentTranslations } from '../incidents/index.ts';
import type { ComponentTranslations } from '../components/index.ts';
import type { Locale } from '../../shared/locales.ts';
import { checkOutages, type Outage } from './outage-periods.ts';
import { resolveAutomation, type ReferComponent } from './resolve-automation.ts';
import type { FileProblems, FilePath } from './page-file-problems.ts';
import type { ComponentInput, IncidentInput, MaintenanceInput, PageFileInput } from './page-file-schema.ts';
import {
  isGroupEntry,
  postmortemEntry,
  type AffectedEntry,
  type ComponentEntry,
  type GroupEntry,
  type IncidentEntry,
  type MaintenanceEntry,
  type PageEntry,
  type PageState,
  type UpdateEntry,
} from './page-state.ts';

/** The file's page with every id and creation time decided, and where each object sits in the file. */
export interface ResolvedPageFile {
  state: PageState & { page: PageEntry };
  /** File position of each component (by id), for problems found while planning. */
  componentPaths: Map<string, FilePath>;
}

const earliest = (times: string[]) => times.reduce((a, b) => (b < a ? b : a));

/**
 * Gives every object in the file its id: the one written, else the one of the stored object with the
 * same natural key (component: name within its parent; incident: name + start; maintenance: name +
 * scheduled start; update: status + display time), else a new one. `created_at` counts only when an
 * object is created: a stored object keeps its own. Checks references and duplicates.
 */
export function resolvePageFile(input: PageFileInput, current: PageState, problems: FileProblems, now: Date): ResolvedPageFile {
  const seen = new Map<string, FilePath>();
  const claim = (id: string, path: FilePath, what: string) => {
    const before = seen.get(`${what}:${id}`);
    if (before !== undefined) problems.add([...path, 'id'], `the id ${id} is also used at line ${problems.lineOf(before)}`);
    seen.set(`${what}:${id}`, path);
  };

  const p = input.page;
  if (p.id !== undefined && current.page !== null && p.id !== current.page.id) {
    problems.add(
      ['page', 'id'],
      `this database holds page ${current.page.id}, not ${p.id}; remove the page's \`id\` to apply the file to this page`,
    );
  }
  const page: PageEntry = {
    id: p.id ?? current.page?.id ?? newId(),
    name: p.name,
    url: p.url,
    time_zone: p.time_zone,
    default_locale: p.default_locale,
    locales: p.locales,
    settings: p.settings,
  };

  // Translations are into the page's other languages: its default one is the name itself.
  const checkedTranslations = (
    translations: Partial<Record<Locale, { name?: string | undefined; description?: string | undefined }>>,
    path: FilePath,
  ): ComponentTranslations => {
    const kept: ComponentTranslations = {};
    for (const [locale, texts] of Object.entries(translations) as [Locale, { name?: string; description?: string }][]) {
      if (locale === page.default_locale)
        problems.add(
          [...path, 'translations', locale],
          `${locale} is the page's default language: write the name and description themselves`,
        );
      else if (!page.locales.includes(locale))
        problems.add([...path, 'translations', locale], `${locale} is not one of the page's languages (${page.locales.join(', ')})`);
      const entry = {
        ...(texts.name !== undefined && { name: texts.name }),
        ...(texts.description !== undefined && texts.description !== '' && { description: texts.description }),
      };
      if (Object.keys(entry).length > 0) kept[locale] = entry;
    }
    return kept;
  };

  const currentComponents = new Map<string, ComponentEntry | GroupEntry>();
  for (const c of current.components) {
    currentComponents.set(c.id, c);
    if (isGroupEntry(c)) for (const k of c.components) currentComponents.set(k.id, k);
  }
  // Ids written in the file are never given to an object matched by name.
  const taken = new Set<string>(
    input.components.flatMap((c) => [c.id, ...('components' in c ? c.components.map((k) => k.id) : [])]).filter((x) => x !== undefined),
  );
  const componentPaths = new Map<string, FilePath>();
  const pick = (wanted: string | undefined, candidates: (ComponentEntry | GroupEntry)[], name: string, group: boolean, path: FilePath) => {
    const match = wanted ?? candidates.find((c) => !taken.has(c.id) && c.name === name && isGroupEntry(c) === group)?.id ?? newId();
    const stored = currentComponents.get(match);
    if (stored !== undefined && isGroupEntry(stored) !== group) {
      problems.add(
        [...path, 'id'],
        `${match} is a ${group ? 'component' : 'group'} in the database; a ${group ? 'component cannot become a group' : 'group cannot become a component'}`,
      );
    }
    taken.add(match);
    claim(match, path, 'component');
    componentPaths.set(match, path);
    return { id: match, stored };
  };
  const leaf = (c: ComponentInput, path: FilePath, siblings: (ComponentEntry | GroupEntry)[]): ComponentEntry => {
    const { id, stored } = pick(c.id, siblings, c.name, false, path);
    for (const problem of checkOutages(c.outages as Outage[])) problems.add([...path, 'outages', problem.index], problem.message);
    const defaults = [now.toISOString(), ...c.outages.map((o) => o.from)];
    if (c.start_date !== null) defaults.push(new Date(dayStart(c.start_date, page.time_zone)).toISOString());
    return {
      id,
      name: c.name,
      description: c.description,
      created_at: stored?.created_at ?? c.created_at ?? earliest(defaults),
      showcase: c.showcase,
      start_date: c.start_date,
      only_show_if_degraded: c.only_show_if_degraded,
      third_party: c.third_party,
      outages: c.outages as ComponentEntry['outages'],
      translations: checkedTranslations(c.translations, path),
    };
  };
  const components = input.components.map((item, i): ComponentEntry | GroupEntry => {
    const path: FilePath = ['components', i];
    if (!('components' in item)) return leaf(item, path, current.components);
    const g = item;
    const { id, stored } = pick(g.id, current.components, g.name, true, path);
    const storedChildren = stored !== undefined && isGroupEntry(stored) ? stored.components : [];
    const children = g.components.map((c, j) => leaf(c, [...path, 'components', j], storedChildren));
    return {
      id,
      name: g.name,
      description: g.description,
      created_at: stored?.created_at ?? g.created_at ?? earliest(children.map((c) => c.created_at)),
      showcase: g.showcase,
      components: children,
      translations: checkedTranslations(g.translations, path),
    };
  });

  const leaves = components.flatMap((c): { entry: ComponentEntry; group: string | null }[] =>
    isGroupEntry(c) ? c.components.map((k) => ({ entry: k, group: c.name })) : [{ entry: c, group: null }],
  );
  const refer = (ref: string, path: FilePath, mayBeRemoved: boolean): { id: string; frozenName: string; removed: boolean } | undefined => {
    const found = leaves.filter((l) => l.entry.id === ref);
    const byName = found.length > 0 ? found : leaves.filter((l) => l.entry.name === ref);
    if (byName.length > 1) problems.add(path, `"${ref}" names ${byName.length} components; use the component's id`);
    const hit = byName[0];
    if (hit !== undefined)
      return { id: hit.entry.id, frozenName: hit.group === null ? hit.entry.name : `${hit.group} - ${hit.entry.name}`, removed: false };
    if (mayBeRemoved && /^[0-9a-z]{12}$/.test(ref)) return { id: ref, frozenName: ref, removed: true };
    problems.add(path, `no component "${ref}" in this file${mayBeRemoved ? ' (mark a deleted one with `removed: true`)' : ''}`);
    return undefined;
  };

  const events = [...current.incidents, ...current.maintenances];
  const written = [...input.incidents, ...input.maintenances];
  const takenEvents = new Set<string>(written.map((e) => e.id).filter((x) => x !== undefined));
  const takenUpdates = new Set<string>(written.flatMap((e) => e.updates.map((u) => u.id)).filter((x) => x !== undefined));
  const resolveEvent = <E extends IncidentInput | MaintenanceInput>(
    e: E,
    path: FilePath,
    key: (x: { name: string; started_at?: string; scheduled_for?: string }) => string,
    kind: 'incident' | 'maintenance',
  ) => {
    const candidates = kind === 'incident' ? current.incidents : current.maintenances;
    const id = e.id ?? candidates.find((c) => !takenEvents.has(c.id) && key(c) === key(e as never))?.id ?? newId();
    const stored = events.find((c) => c.id === id);
    if (stored !== undefined && !candidates.includes(stored as never)) {
      problems.add([...path, 'id'], `${id} is ${kind === 'incident' ? 'a maintenance' : 'an incident'} in the database`);
    }
    takenEvents.add(id);
    claim(id, path, 'event');
    const updates = e.updates.map((u, k): UpdateEntry => {
      const upath: FilePath = [...path, 'updates', k];
      const uid =
        u.id ??
        stored?.updates.find((s) => !takenUpdates.has(s.id) && s.status === u.status && s.display_at === u.display_at)?.id ??
        newId();
      takenUpdates.add(uid);
      claim(uid, upath, 'update');
      const storedUpdate = stored?.updates.find((s) => s.id === uid);
      const affected = u.affected_components.flatMap((a, m): AffectedEntry[] => {
        const r = refer(a.component, [...upath, 'affected_components', m, 'component'], a.removed);
        return r === undefined
          ? []
          : [{ component: r.id, name: a.name ?? r.frozenName, old_status: a.old_status, new_status: a.new_status, removed: r.removed }];
      });
      return {
        id: uid,
        status: u.status,
        body: u.body,
        // An empty body is Aviso's standard sentence for the status, worded in each reader's language.
        generated_body:
          u.body !== ''
            ? null
            : u.generated_body === undefined
              ? { key: u.status }
              : { key: u.generated_body.key, ...(u.generated_body.params !== undefined && { params: u.generated_body.params }) },
        display_at: u.display_at,
        created_at: storedUpdate?.created_at ?? u.created_at ?? u.display_at,
        deliver_notifications: u.deliver_notifications,
        affected_components: affected,
      };
    });
    const attached = e.components.flatMap((ref, m) => {
      const r = refer(ref, [...path, 'components', m], false);
      return r === undefined ? [] : [r.id];
    });
    const createdAt = stored?.created_at ?? e.created_at ?? earliest(updates.map((u) => u.display_at));
    return { id, created_at: createdAt, updates, components: attached };
  };

  const incidents = input.incidents.map((e, i): IncidentEntry => {
    const r = resolveEvent(e, ['incidents', i], (x) => `${x.name} ${x.started_at}`, 'incident');
    const pm = e.postmortem;
    return {
      id: r.id,
      name: e.name,
      started_at: e.started_at,
      created_at: r.created_at,
      impact_override: e.impact_override,
      backfilled: e.backfilled,
      components: r.components,
      metadata: e.metadata,
      translations: e.translations as IncidentTranslations,
      postmortem:
        pm === null
          ? null
          : postmortemEntry({
              body: pm.body,
              draft: pm.draft === undefined ? pm.body : pm.draft,
              published_at: pm.published_at,
              notified_subscribers: pm.notified_subscribers,
            }),
      updates: r.updates as IncidentEntry['updates'],
    };
  });
  const maintenances = input.maintenances.map((e, i): MaintenanceEntry => {
    const r = resolveEvent(e, ['maintenances', i], (x) => `${x.name} ${x.scheduled_for}`, 'maintenance');
    const { id: _id, created_at: _created, updates: _updates, components: _components, ...fields } = e;
    return {
      id: r.id,
      ...fields,
      translations: fields.translations as IncidentTranslations,
      created_at: r.created_at,
      components: r.components,
      updates: r.updates as MaintenanceEntry['updates'],
    };
  });

  const referLeaf: ReferComponent = (ref, path) => {
    const r = refer(ref, path, false);
    return r === undefined ? undefined : leaves.find((l) => l.entry.id === r.id)?.entry;
  };
  const automation = resolveAutomation(input, current, referLeaf, problems);
  return { state: { page, components, incidents, maintenances, ...automation, templateIds: current.templateIds }, componentPaths };
}
