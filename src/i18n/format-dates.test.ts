import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatDateTime, formatDuration, formatZone, formatMonth, formatMonthRange, formatPercent } from './format-dates.ts';
import { translator } from './translate.ts';
import { supportedLocales } from '../shared/locales.ts';

describe('dates and numbers through Intl', () => {
  test('times are shown in the page’s time zone', () => {
    const at = new Date('2025-11-20T02:30:00Z');
    assert.match(formatDateTime('en', 'America/Sao_Paulo', at), /Nov 19, 2025.*11:30/);
    assert.match(formatDateTime('en', 'Europe/Moscow', at), /Nov 20, 2025.*5:30/);
  });
  test('time zones are named as people read them, with their offset, never as an IANA id', () => {
    const winter = new Date('2025-11-20T12:00:00Z');
    const summer = new Date('2025-07-01T12:00:00Z');
    assert.equal(formatZone('pt-BR', 'Europe/Moscow', winter), 'Horário Padrão de Moscou (GMT+3)');
    assert.equal(formatZone('en', 'Europe/Moscow', winter), 'Moscow Standard Time (GMT+3)');
    assert.equal(formatZone('fr', 'Europe/Berlin', winter), 'heure d’Europe centrale (UTC+1)');
    assert.equal(formatZone('de', 'Europe/Berlin', summer), 'Mitteleuropäische Zeit (GMT+2)');
    assert.equal(formatZone('es', 'America/Sao_Paulo', winter), 'hora estándar de Brasilia (GMT-3)');
    assert.equal(formatZone('ru', 'Etc/UTC', winter), 'Всемирное координированное время (UTC)');
    assert.equal(formatZone('en', 'Etc/UTC', winter), 'Coordinated Universal Time (UTC)');
    assert.equal(formatZone('ar', 'Europe/Moscow', winter), 'توقيت موسكو الرسمي (غرينتش+3)');
    assert.equal(formatZone('ar', 'Etc/UTC', winter), 'التوقيت العالمي المنسق (UTC)');
    assert.equal(formatZone('ja', 'Europe/Moscow', winter), 'モスクワ標準時 (GMT+3)');
    for (const locale of supportedLocales)
      for (const zone of ['Europe/Moscow', 'America/New_York', 'Asia/Kolkata', 'Etc/UTC', 'Etc/GMT+5'])
        assert.doesNotMatch(formatZone(locale, zone, winter), /\//, `${locale} ${zone}`);
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
