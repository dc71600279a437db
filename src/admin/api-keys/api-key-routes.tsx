import type { FastifyReply } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { App } from '../../http/create-app.ts';
import { createApiKey, listApiKeys, revokeApiKey, type ApiKeyInfo, type ApiKeyScope } from '../../modules/accounts/index.ts';
import { redirectTo, screen, show, submitForm, type Screen } from '../admin-screen.tsx';
import { asBody, emptyForm, text, type FormState } from '../form-values.ts';
import { CsrfField, Field, FormAlert, Select } from '../view/form-fields.tsx';
import { formatTime } from '../view/format.ts';

const scopeLabels: Record<ApiKeyScope, string> = {
  read: 'read only',
  write: 'read and write',
  admin: 'admin: also subscribers, keys and login addresses',
};

function ApiKeysScreen({
  s,
  keys,
  form,
  created,
}: {
  s: Screen;
  keys: ApiKeyInfo[];
  form: FormState;
  created?: { key: string; name: string };
}) {
  return (
    <>
      <h1>API keys</h1>
      <p>
        Keys authenticate the management APIs (<code>/api/v1/</code> and the Statuspage-compatible <code>/v1/pages/…</code>) with{' '}
        <code>Authorization: OAuth &lt;key&gt;</code> or <code>Bearer &lt;key&gt;</code>. <a href="/api/docs">API documentation</a>
      </p>
      {created && (
        <div class="notice" role="status">
          <p>The key “{created.name}” is created. Copy it now: it is shown only once.</p>
          <p class="secret">{created.key}</p>
        </div>
      )}
      <h2>Keys</h2>
      {keys.length === 0 ? (
        <p>No API keys yet.</p>
      ) : (
        <ul class="items">
          {keys.map((k) => (
            <li key={k.id}>
              <h3 style="margin:0">
                {k.name} <span class="meta">({scopeLabels[k.scope]})</span>
              </h3>
              <p class="meta">
                <code>{k.prefix}…</code> · created {formatTime(k.createdAt, s.page.timeZone)} · last used{' '}
                {formatTime(k.lastUsedAt, s.page.timeZone)}
                {k.revokedAt && ` · revoked ${formatTime(k.revokedAt, s.page.timeZone)}`}
              </p>
              {k.revokedAt === null && (
                <form method="post" action={`/admin/api-keys/${k.id}/revoke`}>
                  <CsrfField token={s.session.csrfToken} />
                  <button type="submit" class="danger">
                    Revoke<span class="sr-only"> {k.name}</span>
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      <h2>Create a key</h2>
      <FormAlert form={form} />
      <form method="post" action="/admin/api-keys" class="card" novalidate>
        <CsrfField token={s.session.csrfToken} />
        <Field name="name" label="Name" form={form} required hint="What uses it, for example “Alertmanager”." />
        <Select
          name="scope"
          label="Access"
          form={form}
          initial="write"
          options={[
            ['write', 'Read and write'],
            ['read', 'Read only'],
            ['admin', 'Admin: also subscribers, keys and login addresses'],
          ]}
          hint="Subscribers’ emails and webhook URLs, API keys and the addresses members log in from need the admin scope."
        />
        <button type="submit">Create key</button>
      </form>
    </>
  );
}

/** API keys: create (shown once), list, revoke. */
export function registerApiKeyRoutes(scope: App, deps: AppDeps): void {
  const render = async (reply: FastifyReply, s: Screen, form: FormState, status = 200, created?: { key: string; name: string }) =>
    show(
      reply,
      s,
      'API keys',
      'api-keys',
      <ApiKeysScreen s={s} keys={await listApiKeys(s.ctx)} form={form} {...(created && { created })} />,
      status,
    );

  scope.get('/api-keys', async (request, reply) => render(reply, await screen(deps, request, 'manage_api_keys'), emptyForm()));

  scope.post('/api-keys', async (request, reply) => {
    const s = await screen(deps, request, 'manage_api_keys');
    const body = asBody(request.body);
    return submitForm(
      reply,
      body,
      async () => {
        const { key, info } = await createApiKey(s.ctx, { name: text(body, 'name'), scope: text(body, 'scope') as ApiKeyScope });
        return render(reply, s, emptyForm(), 201, { key, name: info.name });
      },
      (form, status) => render(reply, s, form, status),
    );
  });

  scope.post<{ Params: { id: string } }>('/api-keys/:id/revoke', async (request, reply) => {
    const s = await screen(deps, request, 'manage_api_keys');
    await revokeApiKey(s.ctx, request.params.id);
    return redirectTo(reply, '/admin/api-keys', 'key-revoked');
  });
}
