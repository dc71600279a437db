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
import { CsrfField } from '../view/form-fields.tsx';
import { formatTime } from '../view/format.ts';

/** The account screen's passkeys: the list with a Delete each, and the form the passkey script drives. */
export function PasskeySection({ s, passkeys }: { s: Screen; passkeys: Passkey[] }) {
  return (
    <section aria-labelledby="passkeys">
      <h2 id="passkeys">Passkeys</h2>
      <p>
        A passkey logs you in without a password or a code: your device checks it is you (fingerprint, face, PIN). It counts as two-factor
        login when the team requires it.
      </p>
      {passkeys.length === 0 ? (
        <p class="meta">No passkeys yet.</p>
      ) : (
        <ul class="items" aria-label="Your passkeys">
          {passkeys.map((p) => (
            <li key={p.id}>
              <h3 style="margin:0;font-size:1rem">{p.name}</h3>
              <p class="meta">
                added {formatTime(p.createdAt, s.page.timeZone)} · last used {formatTime(p.lastUsedAt, s.page.timeZone)}
              </p>
              <form method="post" action={`/admin/account/passkeys/${p.id}/delete`} class="inline">
                <CsrfField token={s.session.csrfToken} />
                <button type="submit" class="danger">
                  Delete<span class="sr-only"> the passkey {p.name}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <p class="hint" data-passkey-no-script>
        Adding a passkey needs JavaScript and a browser that supports passkeys.
      </p>
      <form class="card" data-passkey-register hidden novalidate>
        <CsrfField token={s.session.csrfToken} />
        <label for="passkey-name">Name of the passkey</label>
        <input id="passkey-name" name="name" maxLength={60} autocomplete="off" aria-describedby="passkey-name-hint" />
        <p class="hint" id="passkey-name-hint">
          For example the device it is on: “Work laptop”.
        </p>
        <p class="alert" role="alert" data-passkey-status hidden></p>
        <button type="submit">Add a passkey</button>
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
