import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAdminTestApp } from '../../../test/support/admin-client.ts';
import { updatePageSettings } from '../../modules/page/index.ts';

const warning = /Email subscriptions are open, but no SMTP server is set up \(AVISO_SMTP_URL\)/;

test('the dashboard warns while email subscriptions are open without an SMTP server, and not once one is set or they are closed', async (t) => {
  const bare = await createAdminTestApp();
  t.after(() => bare.close());
  const owner = await bare.signIn('owner');
  assert.match((await owner.get('/admin')).body, warning);
  await updatePageSettings(bare.ctx, { settings: { allowSubscribers: false } });
  assert.doesNotMatch((await owner.get('/admin')).body, warning, 'closed subscriptions refuse nobody');

  const withMail = await createAdminTestApp({ env: { AVISO_SMTP_URL: 'smtp://127.0.0.1:9' } });
  t.after(() => withMail.close());
  assert.doesNotMatch((await (await withMail.signIn('owner')).get('/admin')).body, warning);
});
