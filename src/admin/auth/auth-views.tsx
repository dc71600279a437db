import { translator, type Translator } from '../../i18n/translate.ts';
import { isRole } from '../../modules/accounts/index.ts';
import type { Locale } from '../../shared/locales.ts';
import type { FormState } from '../form-values.ts';
import { Layout, passkeyScripts } from '../view/layout.tsx';
import { CsrfField, Field, FormAlert } from '../view/form-fields.tsx';
import { messageWith } from '../view/message-with.tsx';

export type LoginFrame = Frame;

interface Frame {
  pageName: string;
  /** Before login the browser's languages choose (admin-locale.ts). */
  locale: Locale;
  token: string;
  notice?: string | undefined;
}

/** What the passkey script says when a passkey fails, in the reader's language (its `data-msg-*` attributes). */
export function passkeyMessages(t: Translator) {
  return {
    'data-msg-failed': t('adminAuth.passkeyFailed'),
    'data-msg-cancelled': t('adminAuth.passkeyCancelled'),
    'data-msg-exists': t('adminAuth.passkeyExists'),
    'data-msg-name': t('adminAuth.passkeyNameNeeded'),
  };
}

export function LoginScreen({
  frame,
  form,
  next,
  setupNeeded,
  sso,
}: {
  frame: Frame;
  form: FormState;
  next: string;
  setupNeeded: boolean;
  /** The identity provider's name when sign-in through it is configured. */
  sso?: string | undefined;
}) {
  // The views of this file render the Layout themselves, so they take their words from the frame's locale.
  const t = translator(frame.locale);
  return (
    <Layout
      title={t('adminAuth.logIn')}
      locale={frame.locale}
      pageName={frame.pageName}
      session={null}
      notice={frame.notice}
      scripts={passkeyScripts}
    >
      <div class="center">
        <h1>{t('adminAuth.logIn')}</h1>
        {setupNeeded && <p class="alert">{t('adminAuth.setupNeeded')}</p>}
        <FormAlert form={form} />
        <form method="post" action="/admin/login" class="card" novalidate>
          <CsrfField token={frame.token} />
          <input type="hidden" name="next" value={next} />
          <Field name="email" label={t('adminAuth.email')} type="email" form={form} required autocomplete="username" />
          <Field
            name="password"
            label={t('adminAuth.password')}
            type="password"
            form={{ ...form, values: {} }}
            required
            autocomplete="current-password"
          />
          <Field
            name="code"
            label={t('adminAuth.twoFactorCode')}
            form={{ ...form, values: {} }}
            autocomplete="one-time-code"
            hint={t('adminAuth.twoFactorCodeHint')}
          />
          <button type="submit">{t('adminAuth.logIn')}</button>
        </form>
        <div class="card" data-passkey-login data-csrf={frame.token} data-next={next} {...passkeyMessages(t)} hidden>
          <button type="button" class="secondary">
            {t('adminAuth.passkeyLogIn')}
          </button>
          <p class="alert" role="alert" data-passkey-status hidden></p>
        </div>
        <p>
          <a href="/admin/forgot">{t('adminAuth.forgotLink')}</a>
        </p>
        {sso !== undefined && (
          <p>
            <a class="button" href={`/admin/oidc/start?next=${encodeURIComponent(next)}`}>
              {t('adminAuth.ssoLogIn', { provider: sso })}
            </a>
          </p>
        )}
      </div>
    </Layout>
  );
}

export function SetupScreen({ frame, form, linkToken }: { frame: Frame; form: FormState; linkToken: string }) {
  const t = translator(frame.locale);
  return (
    <Layout title={t('adminAuth.setupTitle')} locale={frame.locale} pageName={frame.pageName} session={null}>
      <div class="center">
        <h1>{t('adminAuth.setupTitle')}</h1>
        <p>{t('adminAuth.setupIntro')}</p>
        <FormAlert form={form} />
        <form method="post" action="/admin/setup" class="card" novalidate>
          <CsrfField token={frame.token} />
          <input type="hidden" name="token" value={linkToken} />
          <Field name="name" label={t('adminAuth.yourName')} form={form} required autocomplete="name" />
          <Field name="email" label={t('adminAuth.email')} type="email" form={form} required autocomplete="username" />
          <Field
            name="password"
            label={t('adminAuth.password')}
            type="password"
            form={{ ...form, values: {} }}
            required
            autocomplete="new-password"
            hint={t('adminAuth.passwordHint')}
          />
          <button type="submit">{t('adminAuth.createOwner')}</button>
        </form>
      </div>
    </Layout>
  );
}

export function InviteScreen({
  frame,
  form,
  linkToken,
  email,
  role,
}: {
  frame: Frame;
  form: FormState;
  linkToken: string;
  email: string;
  role: string;
}) {
  const t = translator(frame.locale);
  return (
    <Layout title={t('adminAuth.inviteTitle')} locale={frame.locale} pageName={frame.pageName} session={null}>
      <div class="center">
        <h1>{t('adminAuth.inviteTitle')}</h1>
        <p>
          {messageWith(
            t,
            'adminAuth.invitedAs',
            {},
            { role: <strong>{isRole(role) ? t(`role.${role}`) : role}</strong>, email: <strong>{email}</strong> },
          )}
        </p>
        <FormAlert form={form} />
        <form method="post" action="/admin/invite" class="card" novalidate>
          <CsrfField token={frame.token} />
          <input type="hidden" name="token" value={linkToken} />
          <Field name="name" label={t('adminAuth.yourName')} form={form} required autocomplete="name" />
          <Field
            name="password"
            label={t('adminAuth.password')}
            type="password"
            form={{ ...form, values: {} }}
            required
            autocomplete="new-password"
            hint={t('adminAuth.passwordHint')}
          />
          <button type="submit">{t('adminAuth.join')}</button>
        </form>
      </div>
    </Layout>
  );
}

export function ForgotScreen({ frame, form, sent }: { frame: Frame; form: FormState; sent: boolean }) {
  const t = translator(frame.locale);
  return (
    <Layout title={t('adminAuth.forgotTitle')} locale={frame.locale} pageName={frame.pageName} session={null}>
      <div class="center">
        <h1>{t('adminAuth.forgotTitle')}</h1>
        {sent ? (
          <p class="alert" role="status">
            {t('adminAuth.forgotSent')}
          </p>
        ) : (
          <p>{t('adminAuth.forgotIntro')}</p>
        )}
        <FormAlert form={form} />
        <form method="post" action="/admin/forgot" class="card" novalidate>
          <CsrfField token={frame.token} />
          <Field name="email" label={t('adminAuth.email')} type="email" form={form} required autocomplete="username" />
          <button type="submit">{t('adminAuth.sendLink')}</button>
        </form>
        <p>
          <a href="/admin/login">{t('adminAuth.logIn')}</a>
        </p>
      </div>
    </Layout>
  );
}

export function ResetScreen({ frame, form, linkToken }: { frame: Frame; form: FormState; linkToken: string }) {
  const t = translator(frame.locale);
  return (
    <Layout title={t('adminAuth.resetTitle')} locale={frame.locale} pageName={frame.pageName} session={null}>
      <div class="center">
        <h1>{t('adminAuth.resetTitle')}</h1>
        <FormAlert form={form} />
        <form method="post" action="/admin/reset" class="card" novalidate>
          <CsrfField token={frame.token} />
          <input type="hidden" name="token" value={linkToken} />
          <Field
            name="password"
            label={t('adminAuth.newPassword')}
            type="password"
            form={{ ...form, values: {} }}
            required
            autocomplete="new-password"
            hint={t('adminAuth.passwordHint')}
          />
          <button type="submit">{t('adminAuth.savePassword')}</button>
        </form>
      </div>
    </Layout>
  );
}

export function LinkInvalidScreen({ frame, what }: { frame: Frame; what: 'setup' | 'invite' | 'reset' }) {
  const t = translator(frame.locale);
  return (
    <Layout title={t('adminAuth.linkInvalidTitle')} locale={frame.locale} pageName={frame.pageName} session={null}>
      <div class="center">
        <h1>{t('adminAuth.linkInvalidHeading')}</h1>
        <p>
          {what === 'setup'
            ? t('adminAuth.linkInvalidSetup')
            : what === 'reset'
              ? t('adminAuth.linkInvalidReset')
              : t('adminAuth.linkInvalidInvite')}
        </p>
        <p>
          <a href="/admin/login">{t('adminAuth.logIn')}</a>
        </p>
      </div>
    </Layout>
  );
}
