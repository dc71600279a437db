import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { publicPages, saveScreenshot } from './support.ts';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in the ${colorScheme} colour scheme`, () => {
    test.use({ colorScheme, locale: 'pt-BR' });

    test('/, /history, /uptime and an incident page have no axe-core violations', async ({ page, request }, testInfo) => {
      for (const { name, path } of await publicPages(request)) {
        await test.step(name, async () => {
          await page.goto(path);
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
