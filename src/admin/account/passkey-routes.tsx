import type { AppDeps } from '../../app-deps.ts';
import type { App } from '../../http/create-app.ts';
import {
  beginPasskeyRegistration,
  finishPasskeyRegistration,
  passkeySettingsFor,
  removePasskey,
  type Passkey,
} from '../../modules/accounts/index.ts';
import { redirectTo, screen, type Screen } from '../admin-screen.tsx';
import { asBody, text } from '../form-values.ts';
import { answerJson } from '../json-answer.ts';
import { passkeyMessages } from '../auth/auth-views.tsx';
import { useLocale, useT } from '../view/admin-i18n.tsx';
import { CsrfField } from '../view/form-fields.tsx';
import { formatTime } from '../view/format.ts';

/** The account screen's passkeys: the list with a Delete each, and the form the passkey script drives. */
export function PasskeySection({ s, passkeys }: { s: Screen; passkeys: Passkey[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="passkeys">
      <h2 id="passkeys">{t('adminAccount.passkeysHeading')}</h2>
      <p>{t('adminAccount.passkeysIntro')}</p>
      {passkeys.length === 0 ? (
        <p class="meta">{t('adminAccount.noPasskeys')}</p>
      ) : (
        <ul class="items" aria-label={t('adminAccount.yourPasskeys')}>
          {passkeys.map((p) => (
            <li key={p.id}>
              <h3 style="margin:0;font-size:1rem">{p.name}</h3>
              <p class="meta">
                {t('adminAccount.passkeyDates', {
                  added: formatTime(p.createdAt, s.page.timeZone, locale),
                  lastUsed: formatTime(p.lastUsedAt, s.page.timeZone, locale),
                })}
              </p>
              <form method="post" action={`/admin/account/passkeys/${p.id}/delete`} class="inline">
                <CsrfField token={s.session.csrfToken} />
                <button type="submit" class="danger" aria-label={t('adminAccount.deletePasskey', { name: p.name })}>
                  {t('admin.delete')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <p class="hint" data-passkey-no-script>
        {t('adminAccount.passkeyNeedsScript')}
      </p>
      <form class="card" data-passkey-register {...passkeyMessages(t)} hidden novalidate>
        <CsrfField token={s.session.csrfToken} />
        <label for="passkey-name">{t('adminAccount.passkeyName')}</label>
        <input id="passkey-name" name="name" maxLength={60} autocomplete="off" aria-describedby="passkey-name-hint" />
        <p class="hint" id="passkey-name-hint">
          {t('adminAccount.passkeyNameHint')}
        </p>
        <p class="alert" role="alert" data-passkey-status hidden></p>
        <button type="submit">{t('adminAccount.addPasskey')}</button>
      </form>
    </section>
  );
}

/** Registering passkeys (a challenge, then the authenticator's answer, from the script) and deleting them. */
export function registerPasskeyRoutes(scope: App, deps: AppDeps): void {
  const settings = (s: Screen) => passkeySettingsFor(deps.config.publicUrl, s.page.name);

  scope.post('/account/passkeys/options', async (request, reply) => {
    const s = await screen(deps, request);
    return answerJson(reply, () => beginPasskeyRegistration(s.ctx, settings(s), s.session.user.id, request.ip));
  });

  scope.post('/account/passkeys', async (request, reply) => {
    const s = await screen(deps, request);
    const body = asBody(request.body);
    return answerJson(reply, async () => {
      await finishPasskeyRegistration(s.ctx, settings(s), s.session.user.id, {
        name: text(body, 'name'),
        response: text(body, 'response'),
      });
      return { location: '/admin/account?notice=passkey-added' };
    });
  });

  scope.post<{ Params: { id: string } }>('/account/passkeys/:id/delete', async (request, reply) => {
    const s = await screen(deps, request);
    await removePasskey(s.ctx, s.session.user.id, request.params.id);
    return redirectTo(reply, '/admin/account', 'passkey-removed');
  });
}
