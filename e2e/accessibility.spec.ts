import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { publicPages, saveScreenshot } from './support.ts';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in the ${colorScheme} colour scheme`, () => {
    test.use({ colorScheme, locale: 'pt-BR' });

    test('/, /history, /uptime, an incident page, subscribing and an error page have no axe-core violations', async ({
      page,
      request,
    }, testInfo) => {
      // Seven pages, each analysed by axe: more than the default 30 s on a busy machine.
      test.setTimeout(120_000);
      const pages = [
        ...(await publicPages(request)),
        { name: 'subscribe', path: '/subscriptions/new' },
        { name: 'subscribe-components', path: '/subscriptions/new' },
        { name: 'not-found', path: '/no-such-page' },
      ];
      for (const { name, path } of pages) {
        await test.step(name, async () => {
          await page.goto(path);
          // The components to choose are shown, checked with the rest of the form.
          if (name === 'subscribe-components') await page.locator('input[name="scope"][value="components"]').check();
          const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
          const violations = results.violations.map(
            (v) =>
              `${v.id} (${v.impact ?? ''}): ${v.help}\n    ${v.nodes
                .map((n) => n.target.join(' '))
                .slice(0, 5)
                .join('\n    ')}`,
          );
          if (colorScheme === 'dark') await saveScreenshot(page, `${testInfo.project.name}-pt-BR-${name}-dark`);
          expect(violations, `${path} in ${colorScheme}`).toEqual([]);
        });
      }
    });
  });
}
