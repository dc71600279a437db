import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendForOutages, checkOutages, outagesFromHistory, transitionsFromOutages, type Outage } from './outage-periods.ts';

const t = (hh: string) => `2025-11-18T${hh}:00.000Z`;

test('outages are the stretches of a history that are not operational, back-to-back ones kept apart', () => {
  const history = [
    { status: 'operational' as const, at: t('00:00') },
    { status: 'major_outage' as const, at: t('01:00') },
    { status: 'major_outage' as const, at: t('01:10') },
    { status: 'partial_outage' as const, at: t('02:00') },
    { status: 'operational' as const, at: t('03:00') },
    { status: 'degraded_performance' as const, at: t('04:00') },
  ];
  assert.deepEqual(outagesFromHistory(history), [
    { status: 'major_outage', from: t('01:00'), to: t('02:00') },
    { status: 'partial_outage', from: t('02:00'), to: t('03:00') },
    { status: 'degraded_performance', from: t('04:00'), to: null },
  ]);
  assert.deepEqual(outagesFromHistory(transitionsFromOutages(outagesFromHistory(history))), outagesFromHistory(history));
});

test('appending to a history adds only what is missing and may end an ongoing outage', () => {
  const history = [{ status: 'major_outage' as const, at: t('01:00') }];
  const wanted: Outage[] = [
    { status: 'major_outage', from: t('01:00'), to: t('02:00') },
    { status: 'partial_outage', from: t('05:00'), to: null },
  ];
  assert.deepEqual(appendForOutages(history, wanted), {
    ok: true,
    append: [
      { at: t('02:00'), status: 'operational' },
      { at: t('05:00'), status: 'partial_outage' },
    ],
  });
});

test('a file that drops or shortens a recorded outage is told which one it would lose', () => {
  const history = transitionsFromOutages([{ status: 'major_outage', from: t('01:00'), to: t('02:00') }]);
  const shortened = appendForOutages(history, [{ status: 'major_outage', from: t('01:00'), to: t('01:30') }]);
  assert.deepEqual(shortened, { ok: false, lost: [{ status: 'major_outage', from: t('01:00'), to: t('02:00') }] });
  assert.equal(appendForOutages(history, []).ok, false);
});

test('outages written out of order, overlapping or split in two are refused', () => {
  const problems = checkOutages([
    { status: 'major_outage', from: t('01:00'), to: t('02:00') },
    { status: 'major_outage', from: t('02:00'), to: t('03:00') },
    { status: 'partial_outage', from: t('02:30'), to: t('02:20') },
  ]);
  assert.deepEqual(
    problems.map((p) => p.index),
    [1, 2, 2],
  );
  assert.match(problems[0]!.message, /merge/);
});
