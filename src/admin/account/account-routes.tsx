import type { AppDeps } from '../../app-deps.ts';
import type { App } from '../../http/create-app.ts';
import {
  beginTwoFactor,
  chooseLanguage,
  disableTwoFactor,
  enableTwoFactor,
  hasTwoFactor,
  listPasskeys,
  type Passkey,
} from '../../modules/accounts/index.ts';
import { localeNames } from '../../i18n/negotiate-locale.ts';
import { isLocale, supportedLocales } from '../../shared/locales.ts';
import type { FastifyReply } from 'fastify';
import { redirectTo, screen, show, submitForm, type Screen } from '../admin-screen.tsx';
import { asBody, emptyForm, FieldError, fieldId, text, type FormState } from '../form-values.ts';
import { useT } from '../view/admin-i18n.tsx';
import { CsrfField, Field, FieldMessages, FormAlert, describedBy } from '../view/form-fields.tsx';
import { passkeyScripts } from '../view/layout.tsx';
import { PasskeySection } from './passkey-routes.tsx';

/** The language the member reads the admin in: their browser's (no choice), or one they keep. */
function LanguageSection({ s, form }: { s: Screen; form: FormState }) {
  const t = useT();
  const scoped: FormState = { ...form, scope: 'language' };
  const id = fieldId(scoped, 'locale');
  const error = form.errors['locale'];
  const current = form.values['locale'] !== undefined ? text(form.values, 'locale') : (s.session.user.locale ?? '');
  return (
    <section aria-labelledby="language">
      <h2 id="language">{t('adminAccount.languageHeading')}</h2>
      <FormAlert form={scoped} />
      <form method="post" action="/admin/account/language" class="card" novalidate>
        <CsrfField token={s.session.csrfToken} />
        <div class="field">
          <label for={id}>{t('adminAccount.languageLabel')}</label>
          <FieldMessages id={id} hint={t('adminAccount.languageHint')} error={error} />
          <select
            id={id}
            name="locale"
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={describedBy(id, t('adminAccount.languageHint'), error)}
          >
            <option value="" selected={current === ''}>
              {t('adminAccount.languageBrowser')}
            </option>
            {supportedLocales.map((locale) => (
              <option key={locale} value={locale} lang={locale} selected={current === locale}>
                {localeNames[locale]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('admin.save')}</button>
      </form>
    </section>
  );
}

function AccountScreen({
  s,
  isOn,
  form,
  passkeys,
  languageForm = emptyForm(),
}: {
  s: Screen;
  isOn: boolean;
  form: FormState;
  passkeys: Passkey[];
  languageForm?: FormState;
}) {
  const t = useT();
  const { user } = s.session;
  return (
    <>
      <h1>{t('adminAccount.title')}</h1>
      <p>{t('adminAccount.whoIs', { name: user.name, email: user.email, role: t(`role.${user.role}`) })}</p>
      <h2>{t('adminAccount.twoFactorHeading')}</h2>
      {s.session.mustSetUpTwoFactor && (
        <p class="alert" role="alert">
          {t('adminAccount.teamRequires')}
        </p>
      )}
      <FormAlert form={form} />
      {isOn ? (
        <form method="post" action="/admin/account/two-factor/disable" class="card" novalidate>
          <p>{t('adminAccount.twoFactorOn')}</p>
          <CsrfField token={s.session.csrfToken} />
          <Field
            name="password"
            label={t('adminAccount.passwordToTurnOff')}
            type="password"
            form={form}
            required
            autocomplete="current-password"
          />
          <button type="submit">{t('adminAccount.turnOff')}</button>
        </form>
      ) : (
        <form method="post" action="/admin/account/two-factor/start" class="card">
          <p>{t('adminAccount.twoFactorOff')}</p>
          <CsrfField token={s.session.csrfToken} />
          <button type="submit">{t('adminAccount.setUp')}</button>
        </form>
      )}
      <PasskeySection s={s} passkeys={passkeys} />
      <LanguageSection s={s} form={languageForm} />
    </>
  );
}

function EnrolScreen({ s, secret, uri, form }: { s: Screen; secret: string; uri: string; form: FormState }) {
  const t = useT();
  return (
    <>
      <h1>{t('adminAccount.setUp')}</h1>
      <ol>
        <li>
          {t('adminAccount.enrolKey')}{' '}
          <code id="totp-secret" class="break">
            {secret}
          </code>
          <p class="hint">
            {t('adminAccount.enrolUri')}{' '}
            <code id="totp-uri" class="break">
              {uri}
            </code>
          </p>
        </li>
        <li>{t('adminAccount.enrolCode')}</li>
      </ol>
      <FormAlert form={form} />
      <form method="post" action="/admin/account/two-factor/confirm" class="card" novalidate>
        <CsrfField token={s.session.csrfToken} />
        <input type="hidden" name="secret" value={secret} />
        <Field name="code" label={t('adminAccount.codeFromApp')} form={form} required autocomplete="one-time-code" />
        <button type="submit">{t('adminAccount.turnOn')}</button>
      </form>
    </>
  );
}

function RecoveryCodesScreen({ codes }: { codes: string[] }) {
  const t = useT();
  return (
    <>
      <h1>{t('adminAccount.isOnTitle')}</h1>
      <p>{t('adminAccount.recoveryIntro')}</p>
      <ul class="items" id="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p>
        <a href="/admin/account">{t('adminAccount.backToAccount')}</a>
      </p>
    </>
  );
}

/** The signed-in member's own account: two-factor login, passkeys and the language they read the admin in. */
export function registerAccountRoutes(scope: App, deps: AppDeps): void {
  const renderAccount = async (reply: FastifyReply, s: Screen, forms: { form?: FormState; languageForm?: FormState } = {}, status = 200) =>
    show(
      reply,
      s,
      s.t('adminAccount.title'),
      'account',
      <AccountScreen
        s={s}
        isOn={await hasTwoFactor(s.ctx, s.session.user.id)}
        form={forms.form ?? emptyForm()}
        passkeys={await listPasskeys(s.ctx, s.session.user.id)}
        languageForm={forms.languageForm ?? emptyForm()}
      />,
      status,
      passkeyScripts,
    );

  scope.get('/account', async (request, reply) => renderAccount(reply, await screen(deps, request)));

  // The choice is the member's own (no permission needed) and not audited; the next screen reads it.
  scope.post('/account/language', async (request, reply) => {
    const s = await screen(deps, request);
    const body = asBody(request.body);
    return submitForm(
      reply,
      { locale: text(body, 'locale') },
      async () => {
        const locale = text(body, 'locale');
        if (locale !== '' && !isLocale(locale)) throw new FieldError('locale', s.t('adminAccount.languageNotValid'));
        await chooseLanguage(s.ctx, s.session.user.id, locale === '' ? null : locale);
        return redirectTo(reply, '/admin/account');
      },
      (form, status) => renderAccount(reply, s, { languageForm: { ...form, message: s.t('admin.fieldInvalid') } }, status),
    );
  });

  scope.post('/account/two-factor/start', async (request, reply) => {
    const s = await screen(deps, request);
    const { secret, uri } = await beginTwoFactor(s.ctx, s.session.user.id);
    reply.header('cache-control', 'no-store');
    return show(reply, s, s.t('adminAccount.setUp'), 'account', <EnrolScreen s={s} secret={secret} uri={uri} form={emptyForm()} />);
  });

  scope.post('/account/two-factor/confirm', async (request, reply) => {
    const s = await screen(deps, request);
    const body = asBody(request.body);
    return submitForm(
      reply,
      {},
      async () => {
        const { recoveryCodes } = await enableTwoFactor(s.ctx, s.session.user.id, { code: text(body, 'code') });
        return show(reply, s, s.t('adminAccount.isOnTitle'), 'account', <RecoveryCodesScreen codes={recoveryCodes} />);
      },
      async (form, status) => {
        // A wrong code: the same key again (the secret waits, unconfirmed, until a right one).
        const secret = text(body, 'secret');
        const uri = `otpauth://totp/Aviso:${encodeURIComponent(s.session.user.email)}?issuer=Aviso&secret=${encodeURIComponent(secret)}`;
        return show(reply, s, s.t('adminAccount.setUp'), 'account', <EnrolScreen s={s} secret={secret} uri={uri} form={form} />, status);
      },
    );
  });

  scope.post('/account/two-factor/disable', async (request, reply) => {
    const s = await screen(deps, request);
    const body = asBody(request.body);
    return submitForm(
      reply,
      {},
      async () => {
        await disableTwoFactor(s.ctx, s.session.user.id, { password: text(body, 'password') });
        return redirectTo(reply, '/admin/account', 'two-factor-off');
      },
      async (form, status) => renderAccount(reply, s, { form }, status),
    );
  });
}
