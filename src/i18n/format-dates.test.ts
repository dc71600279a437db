import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatDateTime, formatDuration, formatMonth, formatMonthRange, formatPercent } from './format-dates.ts';
import { translator } from './translate.ts';

describe('dates and numbers through Intl', () => {
  test('times are shown in the page’s time zone', () => {
    const at = new Date('2025-11-20T02:30:00Z');
    assert.match(formatDateTime('en', 'America/Sao_Paulo', at), /Nov 19, 2025.*11:30/);
    assert.match(formatDateTime('en', 'Europe/Moscow', at), /Nov 20, 2025.*5:30/);
  });
  test('months and ranges are written as each language writes them', () => {
    assert.equal(formatMonth('pt-BR', '2025-11'), 'novembro de 2025');
    assert.match(formatMonthRange('en', '2025-09', '2025-11'), /^Sep\s–\sNov 2025$/);
    assert.match(formatMonthRange('pt-BR', '2025-09', '2025-11'), /^set\.\s–\snov\. de 2025$/);
    assert.match(formatMonthRange('en', '2025-11', '2026-01'), /Nov 2025\s–\sJan 2026/);
  });
  test('uptime figures keep their truncated decimals and the language’s separator', () => {
    assert.equal(formatPercent('en', 99.98), '99.98%');
    assert.equal(formatPercent('en', 100), '100.0%');
    assert.equal(formatPercent('pt-BR', 99.78), '99,78%');
  });
  test('durations floor minutes and show a few seconds as one minute', () => {
    const en = translator('en');
    assert.equal(formatDuration(en, 92 * 60 + 59), '1 hr 32 mins');
    assert.equal(formatDuration(en, 20), '1 min');
    assert.equal(formatDuration(en, 7200), '2 hrs');
    assert.equal(formatDuration(translator('ru'), 3 * 3600 + 60), '3 ч 1 мин');
  });
});
