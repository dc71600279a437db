import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { IntlMessageFormat } from 'intl-messageformat';
import { supportedLocales } from '../shared/locales.ts';
import { catalogs, t } from './translate.ts';

interface AstNode {
  type: number;
  value?: string;
  options?: Record<string, { value: AstNode[] }>;
  children?: AstNode[];
}

/** The placeholders a message uses, with the kind of each (plain, plural, select…). */
function placeholders(message: string, locale: string): string[] {
  const found = new Set<string>();
  const walk = (nodes: AstNode[]) => {
    for (const node of nodes) {
      // Types 1–6 are arguments (plain, number, date, time, select, plural).
      if (node.type >= 1 && node.type <= 6 && node.value !== undefined) found.add(`${node.value}:${node.type}`);
      for (const option of Object.values(node.options ?? {})) walk(option.value);
      if (node.children) walk(node.children);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst() as unknown as AstNode[]);
  return [...found].sort();
}

const english = catalogs.en;

/** What is wrong with one catalogue against en.json: missing or extra keys, changed placeholders, empty messages. */
function problems(catalog: Record<string, string>, locale: string): string[] {
  const found: string[] = [];
  for (const key of Object.keys(english)) if (!(key in catalog)) found.push(`${locale}: ${key} is missing`);
  for (const key of Object.keys(catalog)) if (!(key in english)) found.push(`${locale}: ${key} is not in en.json`);
  for (const [key, message] of Object.entries(catalog)) {
    if (message.trim().length === 0) found.push(`${locale}: ${key} is empty`);
    const reference = english[key];
    if (reference === undefined) continue;
    const mine = placeholders(message, locale).join(' ');
    const theirs = placeholders(reference, 'en').join(' ');
    if (mine !== theirs) found.push(`${locale}: ${key} has placeholders [${mine}], en.json has [${theirs}]`);
  }
  return found;
}

describe('the one message catalogue (page, widget, feeds, emails, chat, subscription pages)', () => {
  for (const locale of supportedLocales) {
    test(`${locale} has every key of en.json, no other, the same placeholders and no empty message`, () => {
      assert.deepEqual(problems(catalogs[locale], locale), []);
    });
  }

  test('the check catches a missing key, an extra key and a lost placeholder', () => {
    const { ['notify.confirmSubject']: _removed, ...missing } = catalogs['pt-BR'];
    assert.deepEqual(problems(missing, 'pt-BR'), ['pt-BR: notify.confirmSubject is missing']);
    assert.deepEqual(problems({ ...catalogs.de, 'widget.extra': 'x' }, 'de'), ['de: widget.extra is not in en.json']);
    const lost = { ...catalogs.fr, 'notify.quarantineBody': 'Votre point de terminaison {url} a échoué.' };
    assert.equal(problems(lost, 'fr').length, 1);
    assert.match(problems(lost, 'fr')[0]!, /notify.quarantineBody has placeholders \[url:1\]/);
  });

  test('plurals follow each language’s rules', () => {
    assert.equal(t('en', 'home.groupCount', { count: 1 }), '1 component');
    assert.equal(t('en', 'home.groupCount', { count: 3 }), '3 components');
    assert.equal(t('ru', 'home.groupCount', { count: 2 }), '2 компонента');
    assert.equal(t('ru', 'home.groupCount', { count: 5 }), '5 компонентов');
    assert.equal(t('ru', 'home.groupCount', { count: 21 }), '21 компонент');
    assert.equal(t('fr', 'bars.daysAgo', { days: 90 }), 'il y a 90 jours');
    const quarantine = (count: number) => t('ru', 'notify.quarantineBody', { url: 'https://x', count, page: 'Acme' });
    assert.match(quarantine(3), /3 раза подряд/);
    assert.match(quarantine(11), /11 раз подряд/);
    assert.match(t('en', 'notify.quarantineBody', { url: 'https://x', count: 10, page: 'Acme' }), /failed 10 times in a row/);
    // Arabic has six plural forms: the noun changes with the count (dual, 3–10 plural, 11–99 singular accusative).
    assert.equal(t('ar', 'home.groupCount', { count: 1 }), 'مكوّن واحد');
    assert.equal(t('ar', 'home.groupCount', { count: 2 }), 'مكوّنان');
    assert.equal(t('ar', 'home.groupCount', { count: 3 }), '3 مكوّنات');
    assert.equal(t('ar', 'home.groupCount', { count: 11 }), '11 مكوّنًا');
    assert.equal(t('ar', 'home.groupCount', { count: 100 }), '100 مكوّن');
    assert.equal(t('ar', 'bars.daysAgo', { days: 90 }), 'قبل 90 يومًا');
    assert.equal(t('ar', 'duration.hours', { count: 2 }), 'ساعتان');
    // Japanese counts without plural forms.
    assert.equal(t('ja', 'bars.daysAgo', { days: 30 }), '30 日前');
    assert.equal(t('ja', 'duration.minutes', { count: 1 }), '1 分');
  });

  test('the words Statuspage got wrong are right', () => {
    assert.equal(t('pt-BR', 'label.postmortem'), 'Post-mortem');
    assert.equal(t('pt-BR', 'history.emptyMonth'), 'Nenhum incidente relatado neste mês.');
    assert.equal(t('es', 'label.postmortem'), 'Análisis post-incidente');
    assert.equal(t('ru', 'label.postmortem'), 'Разбор инцидента');
    assert.equal(t('de', 'label.postmortem'), 'Post-Mortem');
    assert.equal(t('fr', 'label.postmortem'), 'Post-mortem');
    assert.equal(t('ar', 'label.postmortem'), 'تحليل ما بعد الحادث');
    assert.equal(t('ja', 'label.postmortem'), '事後分析');
  });

  test('sentences read as written, not translated, and one word names one thing', () => {
    // Not "Inscreva-se em Kinescope": one subscribes to a page's updates.
    assert.equal(t('pt-BR', 'subscribe.subscribeTitle', { page: 'Kinescope' }), 'Receba as atualizações de Kinescope');
    // A scheduled maintenance is "programada" everywhere, never "agendada" in one place.
    for (const locale of ['pt-BR'] as const)
      for (const [key, message] of Object.entries(catalogs[locale])) assert.doesNotMatch(message, /[Aa]gendad/, `${locale}: ${key}`);
  });
});
