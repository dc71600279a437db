import type { AppDeps } from '../../app-deps.ts';
import type { App } from '../../http/create-app.ts';
import {
  beginTwoFactor,
  disableTwoFactor,
  enableTwoFactor,
  hasTwoFactor,
  listPasskeys,
  type Passkey,
} from '../../modules/accounts/index.ts';
import { redirectTo, screen, show, submitForm, type Screen } from '../admin-screen.tsx';
import { asBody, emptyForm, text, type FormState } from '../form-values.ts';
import { CsrfField, Field, FormAlert } from '../view/form-fields.tsx';
import { passkeyScripts } from '../view/layout.tsx';
import { PasskeySection } from './passkey-routes.tsx';

function AccountScreen({ s, isOn, form, passkeys }: { s: Screen; isOn: boolean; form: FormState; passkeys: Passkey[] }) {
  return (
    <>
      <h1>Your account</h1>
      <p>
        {s.session.user.name}, {s.session.user.email} ({s.session.user.role})
      </p>
      <h2>Two-factor login</h2>
      {s.session.mustSetUpTwoFactor && (
        <p class="alert" role="alert">
          Your team requires two-factor login. Set up an authenticator app or add a passkey below; the rest of Aviso opens once you have
          one.
        </p>
      )}
      <FormAlert form={form} />
      {isOn ? (
        <form method="post" action="/admin/account/two-factor/disable" class="card" novalidate>
          <p>On: logging in asks for the code from your authenticator app (or one of your recovery codes).</p>
          <CsrfField token={s.session.csrfToken} />
          <Field
            name="password"
            label="Your password, to turn it off"
            type="password"
            form={form}
            required
            autocomplete="current-password"
          />
          <button type="submit">Turn off two-factor login</button>
        </form>
      ) : (
        <form method="post" action="/admin/account/two-factor/start" class="card">
          <p>Off. With it on, a stolen password is not enough to log in as you.</p>
          <CsrfField token={s.session.csrfToken} />
          <button type="submit">Set up two-factor login</button>
        </form>
      )}
      <PasskeySection s={s} passkeys={passkeys} />
    </>
  );
}

function EnrolScreen({ s, secret, uri, form }: { s: Screen; secret: string; uri: string; form: FormState }) {
  return (
    <>
      <h1>Set up two-factor login</h1>
      <ol>
        <li>
          In your authenticator app, add an account with this key:{' '}
          <code id="totp-secret" class="break">
            {secret}
          </code>
          <p class="hint">
            Or open this address on the device:{' '}
            <code id="totp-uri" class="break">
              {uri}
            </code>
          </p>
        </li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      <FormAlert form={form} />
      <form method="post" action="/admin/account/two-factor/confirm" class="card" novalidate>
        <CsrfField token={s.session.csrfToken} />
        <input type="hidden" name="secret" value={secret} />
        <Field name="code" label="Code from the app" form={form} required autocomplete="one-time-code" />
        <button type="submit">Turn on two-factor login</button>
      </form>
    </>
  );
}

function RecoveryCodesScreen({ codes }: { codes: string[] }) {
  return (
    <>
      <h1>Two-factor login is on</h1>
      <p>Keep these recovery codes somewhere safe. Each logs you in once without the app; they are shown only now.</p>
      <ul class="items" id="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p>
        <a href="/admin/account">Back to your account</a>
      </p>
    </>
  );
}

/** The signed-in member's own account: two-factor login and passkeys. */
export function registerAccountRoutes(scope: App, deps: AppDeps): void {
  scope.get('/account', async (request, reply) => {
    const s = await screen(deps, request);
    return show(
      reply,
      s,
      'Your account',
      'account',
      <AccountScreen
        s={s}
        isOn={await hasTwoFactor(s.ctx, s.session.user.id)}
        form={emptyForm()}
        passkeys={await listPasskeys(s.ctx, s.session.user.id)}
      />,
      200,
      passkeyScripts,
    );
  });

  scope.post('/account/two-factor/start', async (request, reply) => {
    const s = await screen(deps, request);
    const { secret, uri } = await beginTwoFactor(s.ctx, s.session.user.id);
    reply.header('cache-control', 'no-store');
    return show(reply, s, 'Set up two-factor login', 'account', <EnrolScreen s={s} secret={secret} uri={uri} form={emptyForm()} />);
  });

  scope.post('/account/two-factor/confirm', async (request, reply) => {
    const s = await screen(deps, request);
    const body = asBody(request.body);
    return submitForm(
      reply,
      {},
      async () => {
        const { recoveryCodes } = await enableTwoFactor(s.ctx, s.session.user.id, { code: text(body, 'code') });
        return show(reply, s, 'Two-factor login is on', 'account', <RecoveryCodesScreen codes={recoveryCodes} />);
      },
      async (form, status) => {
        // A wrong code: the same key again (the secret waits, unconfirmed, until a right one).
        const secret = text(body, 'secret');
        const uri = `otpauth://totp/Aviso:${encodeURIComponent(s.session.user.email)}?issuer=Aviso&secret=${encodeURIComponent(secret)}`;
        return show(reply, s, 'Set up two-factor login', 'account', <EnrolScreen s={s} secret={secret} uri={uri} form={form} />, status);
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
      async (form, status) =>
        show(
          reply,
          s,
          'Your account',
          'account',
          <AccountScreen s={s} isOn form={form} passkeys={await listPasskeys(s.ctx, s.session.user.id)} />,
          status,
          passkeyScripts,
        ),
    );
  });
}
