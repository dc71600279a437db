import assert from 'node:assert/strict';
import { test } from 'node:test';
import { supportedLocales } from '../../../shared/locales.ts';
import { message, notificationMessages } from './messages.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every language has every notification message, with the same placeholders as English', () => {
  const english = notificationMessages.en;
  for (const locale of supportedLocales) {
    const catalog = notificationMessages[locale];
    assert.deepEqual(Object.keys(catalog).sort(), Object.keys(english).sort(), `${locale} has exactly the English keys`);
    for (const [key, text] of Object.entries(english)) {
      const translated = catalog[key as keyof typeof english];
      assert.deepEqual(placeholders(translated), placeholders(text), `${locale}.${key} keeps the placeholders`);
      assert.ok(translated.trim().length > 0, `${locale}.${key} is not empty`);
    }
  }
});

test('a message fills its placeholders in the subscriber language', () => {
  assert.equal(message('de', 'confirmSubject', { page: 'Acme' }), 'Bestätigen Sie Ihr Abonnement von Acme');
  assert.equal(message('fr', 'maintenanceSubject', { page: 'Acme', name: 'Base' }), '[Acme] Maintenance : Base');
});
