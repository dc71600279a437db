import type { FastifyReply } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { App } from '../../http/create-app.ts';
import { createApiKey, listApiKeys, revokeApiKey, type ApiKeyInfo, type ApiKeyScope } from '../../modules/accounts/index.ts';
import { redirectTo, screen, show, submitForm, type Screen } from '../admin-screen.tsx';
import { asBody, emptyForm, text, type FormState } from '../form-values.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import { messageWith } from '../view/message-with.tsx';
import { useLocale, useT } from '../view/admin-i18n.tsx';
import { CsrfField, Field, FormAlert, Select } from '../view/form-fields.tsx';
import { formatTime } from '../view/format.ts';

const scopeLabels: Record<ApiKeyScope, MessageKey> = {
  read: 'adminKeys.scopeRead',
  write: 'adminKeys.scopeWrite',
  admin: 'adminKeys.scopeAdmin',
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
  const t = useT();
  const locale = useLocale();
  const time = (date: Date | null) => formatTime(date, s.page.timeZone, locale);
  return (
    <>
      <h1>{t('adminKeys.title')}</h1>
      <p>
        {messageWith(
          t,
          'adminKeys.intro',
          {},
          {
            api: <code>/api/v1/</code>,
            statuspage: <code>/v1/pages/…</code>,
            oauth: <code>Authorization: OAuth &lt;key&gt;</code>,
            bearer: <code>Bearer &lt;key&gt;</code>,
          },
        )}{' '}
        <a href="/api/docs">{t('adminKeys.docs')}</a>
      </p>
      {created && (
        <div class="notice" role="status">
          <p>{t('adminKeys.created', { name: created.name })}</p>
          <p class="secret">{created.key}</p>
        </div>
      )}
      <h2>{t('adminKeys.keysHeading')}</h2>
      {keys.length === 0 ? (
        <p>{t('adminKeys.noKeys')}</p>
      ) : (
        <ul class="items">
          {keys.map((k) => (
            <li key={k.id}>
              <h3 style="margin:0">
                {k.name} <span class="meta">({t(scopeLabels[k.scope])})</span>
              </h3>
              <p class="meta">
                <code>{k.prefix}…</code> · {t('adminKeys.keyDates', { created: time(k.createdAt), lastUsed: time(k.lastUsedAt) })}
                {k.revokedAt && ` · ${t('adminKeys.revokedAt', { revoked: time(k.revokedAt) })}`}
              </p>
              {k.revokedAt === null && (
                <form method="post" action={`/admin/api-keys/${k.id}/revoke`}>
                  <CsrfField token={s.session.csrfToken} />
                  <button type="submit" class="danger" aria-label={t('adminKeys.revokeKey', { name: k.name })}>
                    {t('adminKeys.revoke')}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('adminKeys.createHeading')}</h2>
      <FormAlert form={form} />
      <form method="post" action="/admin/api-keys" class="card" novalidate>
        <CsrfField token={s.session.csrfToken} />
        <Field name="name" label={t('adminKeys.name')} form={form} required hint={t('adminKeys.nameHint')} />
        <Select
          name="scope"
          label={t('adminKeys.access')}
          form={form}
          initial="write"
          options={(['write', 'read', 'admin'] as const).map((scope) => [scope, t(scopeLabels[scope])] as const)}
          hint={t('adminKeys.accessHint')}
        />
        <button type="submit">{t('adminKeys.create')}</button>
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
      s.t('adminKeys.title'),
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
