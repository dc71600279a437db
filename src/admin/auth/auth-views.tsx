import type { Locale } from '../../shared/locales.ts';
import type { FormState } from '../form-values.ts';
import { Layout, passkeyScripts } from '../view/layout.tsx';
import { CsrfField, Field, FormAlert } from '../view/form-fields.tsx';

export type LoginFrame = Frame;

interface Frame {
  pageName: string;
  /** Before login the browser's languages choose (admin-locale.ts). */
  locale: Locale;
  token: string;
  notice?: string | undefined;
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
  return (
    <Layout title="Log in" locale={frame.locale} pageName={frame.pageName} session={null} notice={frame.notice} scripts={passkeyScripts}>
      <div class="center">
        <h1>Log in</h1>
        {setupNeeded && (
          <p class="alert">
            Aviso has no team member yet. Open the setup link printed in the server log when Aviso started, or set AVISO_ADMIN_EMAIL and
            AVISO_ADMIN_PASSWORD and restart.
          </p>
        )}
        <FormAlert form={form} />
        <form method="post" action="/admin/login" class="card" novalidate>
          <CsrfField token={frame.token} />
          <input type="hidden" name="next" value={next} />
          <Field name="email" label="Email" type="email" form={form} required autocomplete="username" />
          <Field name="password" label="Password" type="password" form={{ ...form, values: {} }} required autocomplete="current-password" />
          <Field
            name="code"
            label="Two-factor code"
            form={{ ...form, values: {} }}
            autocomplete="one-time-code"
            hint="Only if you turned on two-factor login: the app's 6-digit code, or a recovery code."
          />
          <button type="submit">Log in</button>
        </form>
        <div class="card" data-passkey-login data-csrf={frame.token} data-next={next} hidden>
          <button type="button" class="secondary">
            Sign in with a passkey
          </button>
          <p class="alert" role="alert" data-passkey-status hidden></p>
        </div>
        <p>
          <a href="/admin/forgot">Forgot your password?</a>
        </p>
        {sso !== undefined && (
          <p>
            <a class="button" href={`/admin/oidc/start?next=${encodeURIComponent(next)}`}>
              Sign in with {sso}
            </a>
          </p>
        )}
      </div>
    </Layout>
  );
}

export function SetupScreen({ frame, form, linkToken }: { frame: Frame; form: FormState; linkToken: string }) {
  return (
    <Layout title="Set up Aviso" locale={frame.locale} pageName={frame.pageName} session={null}>
      <div class="center">
        <h1>Set up Aviso</h1>
        <p>Create the owner account. The owner manages the team and every setting.</p>
        <FormAlert form={form} />
        <form method="post" action="/admin/setup" class="card" novalidate>
          <CsrfField token={frame.token} />
          <input type="hidden" name="token" value={linkToken} />
          <Field name="name" label="Your name" form={form} required autocomplete="name" />
          <Field name="email" label="Email" type="email" form={form} required autocomplete="username" />
          <Field
            name="password"
            label="Password"
            type="password"
            form={{ ...form, values: {} }}
            required
            autocomplete="new-password"
            hint="At least 10 characters."
          />
          <button type="submit">Create owner account</button>
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
  return (
    <Layout title="Join the team" locale={frame.locale} pageName={frame.pageName} session={null}>
      <div class="center">
        <h1>Join the team</h1>
        <p>
          You are invited as <strong>{role}</strong> with the email <strong>{email}</strong>.
        </p>
        <FormAlert form={form} />
        <form method="post" action="/admin/invite" class="card" novalidate>
          <CsrfField token={frame.token} />
          <input type="hidden" name="token" value={linkToken} />
          <Field name="name" label="Your name" form={form} required autocomplete="name" />
          <Field
            name="password"
            label="Password"
            type="password"
            form={{ ...form, values: {} }}
            required
            autocomplete="new-password"
            hint="At least 10 characters."
          />
          <button type="submit">Join</button>
        </form>
      </div>
    </Layout>
  );
}

export function ForgotScreen({ frame, form, sent }: { frame: Frame; form: FormState; sent: boolean }) {
  return (
    <Layout title="Reset your password" locale={frame.locale} pageName={frame.pageName} session={null}>
      <div class="center">
        <h1>Reset your password</h1>
        {sent ? (
          <p class="alert" role="status">
            If a team member has this address, a link to choose a new password is on its way. It works once, within an hour.
          </p>
        ) : (
          <p>Give the email of your account; a link to choose a new password will be sent to it.</p>
        )}
        <FormAlert form={form} />
        <form method="post" action="/admin/forgot" class="card" novalidate>
          <CsrfField token={frame.token} />
          <Field name="email" label="Email" type="email" form={form} required autocomplete="username" />
          <button type="submit">Send the link</button>
        </form>
        <p>
          <a href="/admin/login">Log in</a>
        </p>
      </div>
    </Layout>
  );
}

export function ResetScreen({ frame, form, linkToken }: { frame: Frame; form: FormState; linkToken: string }) {
  return (
    <Layout title="Choose a new password" locale={frame.locale} pageName={frame.pageName} session={null}>
      <div class="center">
        <h1>Choose a new password</h1>
        <FormAlert form={form} />
        <form method="post" action="/admin/reset" class="card" novalidate>
          <CsrfField token={frame.token} />
          <input type="hidden" name="token" value={linkToken} />
          <Field
            name="password"
            label="New password"
            type="password"
            form={{ ...form, values: {} }}
            required
            autocomplete="new-password"
            hint="At least 10 characters."
          />
          <button type="submit">Save the password</button>
        </form>
      </div>
    </Layout>
  );
}

export function LinkInvalidScreen({ frame, what }: { frame: Frame; what: 'setup' | 'invite' | 'reset' }) {
  return (
    <Layout title="Link not valid" locale={frame.locale} pageName={frame.pageName} session={null}>
      <div class="center">
        <h1>This link is not valid any more</h1>
        <p>
          {what === 'setup'
            ? 'Aviso is already set up, or the setup link expired. Restart Aviso to print a new link, or log in.'
            : what === 'reset'
              ? 'The link was used or is older than an hour. Ask for a new one from the login page.'
              : 'The invitation was used or has expired. Ask an owner for a new one.'}
        </p>
        <p>
          <a href="/admin/login">Log in</a>
        </p>
      </div>
    </Layout>
  );
}
