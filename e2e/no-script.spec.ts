import { expect, test } from '@playwright/test';
import { catalogue, publicPages } from './support.ts';

test.describe('with JavaScript turned off', () => {
  test.use({ javaScriptEnabled: false, locale: 'en' });
  const words = catalogue('en');

  test('every page still shows its content and the links between them work', async ({ page, request }) => {
    for (const { path } of await publicPages(request)) {
      expect((await page.goto(path))?.status(), path).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    }
    await page.goto('/');
    await expect(page.getByText('Transcoding', { exact: true }).first()).toBeVisible();
    await page
      .getByRole('navigation', { name: words('nav.label') })
      .getByRole('link', { name: words('nav.history') })
      .click();
    await expect(page).toHaveURL(/\/history/);
    await page
      .getByRole('navigation', { name: words('nav.label') })
      .getByRole('link', { name: words('nav.uptime') })
      .click();
    await expect(page).toHaveURL(/\/uptime/);
  });

  test('subscribing: the chosen channel’s field and the components show once chosen, and the server checks the choice', async ({
    page,
  }) => {
    await page.goto('/subscriptions/new');
    const components = page.getByRole('group', { name: words('subscribe.chooseComponents') });
    await expect(components).toBeHidden();
    await page.getByRole('radio', { name: words('subscribe.scopeChosen') }).check();
    await expect(components).toBeVisible();
    await expect(components.getByRole('checkbox')).not.toHaveCount(0);

    const slackUrl = page.getByLabel(words('subscribe.slackUrlLabel'));
    await expect(slackUrl).toBeHidden();
    await page.getByRole('radio', { name: words('subscribe.channelSlack') }).check();
    await expect(slackUrl).toBeVisible();
    await expect(page.getByLabel(words('subscribe.webhookUrlLabel'))).toBeHidden();

    await slackUrl.fill('https://hooks.slack.com/services/T0/B0/x');
    await page.getByRole('button', { name: words('subscribe.subscribeButton') }).click();
    await expect(page.getByRole('alert')).toContainText(words('subscribe.noComponentChosen'));
    await expect(page.getByRole('radio', { name: words('subscribe.channelSlack') })).toBeChecked();
    await expect(slackUrl).toHaveValue('https://hooks.slack.com/services/T0/B0/x');
    await expect(page.getByRole('navigation', { name: words('nav.label') })).toBeVisible();
  });
});
