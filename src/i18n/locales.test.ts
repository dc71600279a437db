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

describe('message catalogs', () => {
  for (const locale of supportedLocales) {
    const catalog = catalogs[locale];
    test(`${locale} has every key of en.json and no other`, () => {
      assert.deepEqual(Object.keys(catalog).sort(), Object.keys(english).sort());
    });
    test(`${locale} uses the same placeholders as en.json in every message`, () => {
      for (const [key, message] of Object.entries(english)) {
        const translated = catalog[key];
        if (translated === undefined) continue;
        assert.deepEqual(placeholders(translated, locale), placeholders(message, 'en'), `${locale}: ${key}`);
      }
    });
    test(`${locale} has no empty message`, () => {
      for (const [key, message] of Object.entries(catalog)) assert.ok(message.trim().length > 0, `${locale}: ${key}`);
    });
  }

  test('plurals follow each language’s rules', () => {
    assert.equal(t('en', 'home.groupCount', { count: 1 }), '1 component');
    assert.equal(t('en', 'home.groupCount', { count: 3 }), '3 components');
    assert.equal(t('ru', 'home.groupCount', { count: 2 }), '2 компонента');
    assert.equal(t('ru', 'home.groupCount', { count: 5 }), '5 компонентов');
    assert.equal(t('ru', 'home.groupCount', { count: 21 }), '21 компонент');
    assert.equal(t('fr', 'bars.daysAgo', { days: 90 }), 'il y a 90 jours');
  });

  test('the words Statuspage got wrong are right', () => {
    assert.equal(t('pt-BR', 'label.postmortem'), 'Post-mortem');
    assert.equal(t('pt-BR', 'history.emptyMonth'), 'Nenhum incidente relatado neste mês.');
    assert.equal(t('es', 'label.postmortem'), 'Análisis post-incidente');
    assert.equal(t('ru', 'label.postmortem'), 'Разбор инцидента');
    assert.equal(t('de', 'label.postmortem'), 'Post-Mortem');
    assert.equal(t('fr', 'label.postmortem'), 'Post-mortem');
  });
});
