import type { ComponentStatus } from '../components/index.ts';

/** A period in which a component was not operational; `to` null while it lasts. Times are ISO UTC. */
export interface Outage {
  status: Exclude<ComponentStatus, 'operational'>;
  from: string;
  to: string | null;
}

/** A moment where a component's status became something else. */
export interface Transition {
  at: string;
  status: ComponentStatus;
}

/** The outages a status history (oldest first) describes: every stretch whose status is not operational. */
export function outagesFromHistory(changes: { status: ComponentStatus; at: string }[]): Outage[] {
  const outages: Outage[] = [];
  let current: ComponentStatus = 'operational';
  let open: Outage | null = null;
  for (const change of changes) {
    if (change.status === current) continue;
    if (open !== null) outages.push({ ...open, to: change.at });
    open = change.status === 'operational' ? null : { status: change.status, from: change.at, to: null };
    current = change.status;
  }
  if (open !== null) outages.push(open);
  return outages;
}

/** The transitions that make up the given outages (sorted by start), back to operational between them. */
export function transitionsFromOutages(outages: Outage[]): Transition[] {
  const transitions: Transition[] = [];
  outages.forEach((outage, index) => {
    transitions.push({ at: outage.from, status: outage.status });
    const next = outages[index + 1];
    if (outage.to !== null && next?.from !== outage.to) transitions.push({ at: outage.to, status: 'operational' });
  });
  return transitions;
}

/** Problems with one component's outages as written: each names the outage's index. */
export function checkOutages(outages: Outage[]): { index: number; message: string }[] {
  const problems: { index: number; message: string }[] = [];
  outages.forEach((outage, index) => {
    if (outage.to !== null && outage.to <= outage.from) problems.push({ index, message: '`to` must be after `from`' });
    const previous = outages[index - 1];
    if (previous === undefined) return;
    if (outage.from < previous.from) problems.push({ index, message: 'outages must be listed oldest first' });
    else if (previous.to === null) problems.push({ index, message: 'only the last outage may be ongoing (without `to`)' });
    else if (outage.from < previous.to) problems.push({ index, message: `overlaps the outage before it (which ends at ${previous.to})` });
    else if (outage.from === previous.to && outage.status === previous.status) {
      problems.push({ index, message: `continues the outage before it with the same status; merge the two into one period` });
    }
  });
  return problems;
}

/**
 * What must be appended to a recorded history (oldest first) so that it shows exactly the wanted
 * outages. The history is append-only, so when the wanted outages drop or shorten a recorded one the
 * answer lists the recorded outages the file would lose instead.
 */
export function appendForOutages(
  history: { status: ComponentStatus; at: string }[],
  wanted: Outage[],
): { ok: true; append: Transition[] } | { ok: false; lost: Outage[] } {
  // A recorded outage must stay as it is; an ongoing one may only be given its end.
  const lost = outagesFromHistory(history).filter(
    (r) => !wanted.some((w) => w.status === r.status && w.from === r.from && (w.to === r.to || r.to === null)),
  );
  if (lost.length > 0) return { ok: false, lost };
  const recorded = new Set(effectiveTransitions(history).map((t) => `${t.at} ${t.status}`));
  const append = transitionsFromOutages(wanted).filter((t) => !recorded.has(`${t.at} ${t.status}`));
  // Appended changes sort after recorded ones at the same instant, as the store orders them.
  const merged = [...history, ...append].map((c, order) => ({ ...c, order }));
  merged.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.order - b.order));
  const result = outagesFromHistory(merged);
  if (sameOutages(result, wanted)) return { ok: true, append };
  const wantedKeys = new Set(wanted.map(outageKey));
  return { ok: false, lost: result.filter((o) => !wantedKeys.has(outageKey(o))) };
}

function effectiveTransitions(history: { status: ComponentStatus; at: string }[]): Transition[] {
  const transitions: Transition[] = [];
  let current: ComponentStatus = 'operational';
  for (const change of history) {
    if (change.status === current) continue;
    transitions.push({ at: change.at, status: change.status });
    current = change.status;
  }
  return transitions;
}

function outageKey(o: Outage): string {
  return `${o.status} ${o.from} ${o.to ?? ''}`;
}

export function sameOutages(a: Outage[], b: Outage[]): boolean {
  return a.length === b.length && a.every((o, i) => outageKey(o) === outageKey(b[i]!));
}

export function describeOutage(o: Outage): string {
  return `${o.status} from ${o.from}${o.to === null ? ' (ongoing)' : ` to ${o.to}`}`;
}
