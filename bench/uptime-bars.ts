/**
 * How long a page with 500 components takes to recompute every 90-day bar and 90-day figure after a
 * status change, with 1, 5 and 10 years of history per component. The baseline, measured in the
 * same run, is one linear pass over the same histories (counting major outages), so the result
 * reads as a ratio as well as in milliseconds. Run: npm run bench:uptime
 */
import type { ComponentStatus } from '../src/modules/components/index.ts';
import { addDays, dailyOutages, dayColour, dayFill, localDate, uptimeFromDays, type UptimeSubject } from '../src/modules/uptime/index.ts';

const componentCount = 500;
const outagesPerMonth = 3;
const timeZone = 'America/New_York';
const now = new Date('2026-11-23T12:00:00.000Z');
const rounds = 31;

/** A small seeded generator (mulberry32), so every run measures the same histories. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A few outages a month: some partial, some major, some partial turning major, and a little maintenance. */
function history(years: number, next: () => number): UptimeSubject {
  const end = now.getTime();
  const start = end - years * 365.25 * 86_400_000;
  const changes: UptimeSubject['changes'] = [{ status: 'operational', changedAt: new Date(start) }];
  const count = Math.round(years * 12 * outagesPerMonth);
  const starts = Array.from({ length: count }, () => start + next() * (end - start)).sort((a, b) => a - b);
  let free = start;
  for (const at of starts) {
    if (at <= free) continue;
    const kinds: ComponentStatus[][] = [
      ['partial_outage'],
      ['major_outage'],
      ['partial_outage', 'major_outage'],
      ['degraded_performance'],
      ['under_maintenance'],
    ];
    const steps = kinds[Math.floor(next() * kinds.length)] as ComponentStatus[];
    let t = at;
    for (const status of steps) {
      changes.push({ status, changedAt: new Date(t) });
      t += 60_000 + next() * 3 * 3_600_000;
    }
    changes.push({ status: 'operational', changedAt: new Date(t) });
    free = t;
  }
  return { changes, startDate: localDate(start, timeZone) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function time(work: () => number): { ms: number; check: number } {
  let check = 0;
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const began = performance.now();
    check += work();
    samples.push(performance.now() - began);
  }
  return { ms: median(samples), check };
}

const to = localDate(now.getTime(), timeZone);
const from = addDays(to, -89);

/** Every component's 90 day bars (level and fill) and its 90-day figure. */
function allBars(subjects: UptimeSubject[]): number {
  let checksum = 0;
  for (const subject of subjects) {
    const days = dailyOutages(subject, from, to, timeZone, now);
    for (const day of days) checksum += dayColour(day).length + dayFill(day).length;
    checksum += uptimeFromDays(days).percent ?? 0;
  }
  return checksum;
}

/** The baseline: one pass over every change of every history. */
function linearPass(subjects: UptimeSubject[]): number {
  let majors = 0;
  for (const subject of subjects) for (const change of subject.changes) if (change.status === 'major_outage') majors++;
  return majors;
}

const rows: string[][] = [];
for (const years of [1, 5, 10]) {
  const next = random(years * 7919);
  const subjects = Array.from({ length: componentCount }, () => history(years, next));
  const changeCount = subjects.reduce((total, s) => total + s.changes.length, 0);
  const coldStart = performance.now();
  allBars(subjects);
  const cold = performance.now() - coldStart;
  // "After a change": a new status on one component, then everything is recomputed.
  const bars = time(() => {
    subjects[0]?.changes.push({
      status: subjects[0].changes.at(-1)?.status === 'operational' ? 'degraded_performance' : 'operational',
      changedAt: new Date(now.getTime() - 1000),
    });
    return allBars(subjects);
  });
  const scan = time(() => linearPass(subjects));
  rows.push([
    `${years} y`,
    String(changeCount),
    cold.toFixed(1),
    bars.ms.toFixed(1),
    scan.ms.toFixed(2),
    (bars.ms / scan.ms).toFixed(1),
    ((bars.ms * 1000) / componentCount).toFixed(0),
  ]);
}

const header = ['history', 'changes', 'first run ms', 'bars+figures ms', 'linear pass ms', 'ratio', 'µs/component'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i] as number)).join('  ');
console.log(`${componentCount} components, 90-day bars and figures in ${timeZone}, median of ${rounds} rounds`);
console.log(line(header));
for (const row of rows) console.log(line(row));
