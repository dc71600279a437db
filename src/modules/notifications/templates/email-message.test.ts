import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { t } from '../../../i18n/translate.ts';
import type { Locale } from '../../../shared/locales.ts';
import { renderEmail } from './email-message.ts';
import type { NotificationContent } from './notification-content.ts';

const content = (locale: Locale): NotificationContent => ({
  subject: '[Kinescope] Player outage',
  title: 'Player outage',
  statusLabel: t(locale, 'label.investigating'),
  intro: null,
  body: t(locale, 'updateBody.investigating'),
  markdown: false,
  when: null,
  components: [{ name: 'Player', status: 'major_outage', statusLabel: t(locale, 'status.major_outage') }],
  link: { label: t(locale, 'notify.viewIncident'), url: 'https://status.example/incidents/x' },
  aside: null,
  colour: '#cf222e',
  pageName: 'Kinescope',
  hasSubscriptionLinks: true,
});
const links = { manage: 'https://status.example/m', unsubscribe: 'https://status.example/u' };

describe('an email in a right-to-left language', () => {
  test('an Arabic email reads right to left: dir on the document and the message, the list indented on the right', () => {
    const { html, text } = renderEmail(content('ar'), 'ar', links);
    assert.match(html, /<html lang="ar" dir="rtl">/);
    assert.match(html, /<body dir="rtl"/);
    assert.match(html, /<div dir="rtl" style="[^"]*text-align:right/);
    assert.match(html, /<ul style="margin:0 0 12px;padding-right:20px">/);
    assert.match(text, /قيد التحقيق - نحن نحقق حاليًا في هذه المشكلة\./);
    assert.match(text, /المكونات المتأثرة:\n- Player: انقطاع كبير/);
  });

  test('a Japanese or English email stays left to right', () => {
    for (const locale of ['ja', 'en'] as const) {
      const { html } = renderEmail(content(locale), locale, links);
      assert.match(html, new RegExp(`<html lang="${locale}" dir="ltr">`));
      assert.match(html, /padding-left:20px/);
    }
  });
});
