import type { FastifyReply } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { App } from '../../http/create-app.ts';
import {
  changeUserRole,
  inviteUser,
  isRole,
  isTwoFactorRequired,
  listTeamFactors,
  listUsers,
  removeUser,
  requireTwoFactor,
  roles,
  type MemberFactors,
  type User,
} from '../../modules/accounts/index.ts';
import { AppError } from '../../shared/errors.ts';
import { redirectTo, screen, show, submitForm, type Screen } from '../admin-screen.tsx';
import { asBody, emptyForm, text, type FormState } from '../form-values.ts';
import type { Translator } from '../../i18n/translate.ts';
import type { Locale } from '../../shared/locales.ts';
import { useLocale, useT } from '../view/admin-i18n.tsx';
import { CsrfField, Field, FormAlert, Select } from '../view/form-fields.tsx';
import { formatTime } from '../view/format.ts';

/** The roles as a list offers them: the catalogue's names, with a capital where the language has one. */
function roleOptions(t: Translator, locale: Locale) {
  return roles.map((r) => {
    const name = t(`role.${r}`);
    return [r, name.charAt(0).toLocaleUpperCase(locale) + name.slice(1)] as const;
  });
}

/** What a member has besides a password, in words. */
function factorsText(t: Translator, locale: Locale, factors: MemberFactors | undefined): string {
  const has = [
    ...(factors?.authenticator === true ? [t('adminTeam.factorApp')] : []),
    ...(factors === undefined || factors.passkeys === 0 ? [] : [t('adminTeam.factorPasskeys', { count: factors.passkeys })]),
  ];
  return has.length === 0 ? t('adminTeam.factorNone') : new Intl.ListFormat(locale, { type: 'conjunction' }).format(has);
}

interface TeamFactors {
  required: boolean;
  byMember: Map<string, MemberFactors>;
}

/** The team's two-factor rule: shown to everyone, changed by owners only. */
function TwoFactorRule({ s, factors, form }: { s: Screen; factors: TeamFactors; form: FormState }) {
  const t = useT();
  return (
    <section aria-labelledby="two-factor-rule">
      <h2 id="two-factor-rule">{t('adminAccount.twoFactorHeading')}</h2>
      <p>
        {factors.required ? t('adminTeam.ruleRequired') : t('adminTeam.ruleNotRequired')} <span class="hint">{t('adminTeam.ruleSso')}</span>
      </p>
      {s.session.user.role === 'owner' && (
        <>
          <FormAlert form={form} />
          <form method="post" action="/admin/team/two-factor" class="inline">
            <CsrfField token={s.session.csrfToken} />
            <input type="hidden" name="required" value={factors.required ? 'off' : 'on'} />
            <button type="submit" class={factors.required ? 'secondary' : ''}>
              {factors.required ? t('adminTeam.stopRequiring') : t('adminTeam.require')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}

function TeamScreen({
  s,
  users,
  factors,
  form,
  ruleForm,
  invite,
}: {
  s: Screen;
  users: User[];
  factors: TeamFactors;
  form: FormState;
  ruleForm: FormState;
  invite?: { link: string; email: string; expiresAt: Date };
}) {
  const t = useT();
  const locale = useLocale();
  const manage = s.can('manage_team');
  const options = roleOptions(t, locale);
  return (
    <>
      <h1>{t('adminTeam.title')}</h1>
      <p class="hint">{t('adminTeam.roleHelp')}</p>
      {invite && (
        <div class="notice" role="status">
          <p>{t('adminTeam.sendLink', { email: invite.email, until: formatTime(invite.expiresAt, s.page.timeZone, locale) })}</p>
          <p class="secret">{invite.link}</p>
        </div>
      )}
      <ul class="items" aria-label={t('adminTeam.members')}>
        {users.map((u) => (
          <li key={u.id}>
            <h2 style="margin:0;font-size:1.05rem">
              {u.name} <span class="meta">({t(`role.${u.role}`)})</span>
            </h2>
            <p class="meta">
              {t('adminTeam.memberMeta', {
                email: u.email,
                lastLogin: formatTime(u.lastLoginAt, s.page.timeZone, locale),
                factors: factorsText(t, locale, factors.byMember.get(u.id)),
              })}
            </p>
            {manage && u.id !== s.session.user.id && (
              <div class="actions">
                <form method="post" action={`/admin/team/${u.id}/role`} class="actions" style="margin:0">
                  <CsrfField token={s.session.csrfToken} />
                  <label for={`role-${u.id}`} class="sr-only">
                    {t('adminTeam.roleOf', { name: u.name })}
                  </label>
                  <select id={`role-${u.id}`} name="role" style="width:auto">
                    {options.map(([value, label]) => (
                      <option key={value} value={value} selected={value === u.role}>
                        {label}
                      </option>
                    ))}
                  </select>
                  <button type="submit" class="secondary" aria-label={t('adminTeam.changeRoleOf', { name: u.name })}>
                    {t('adminTeam.changeRole')}
                  </button>
                </form>
                <form method="post" action={`/admin/team/${u.id}/remove`} class="inline">
                  <CsrfField token={s.session.csrfToken} />
                  <button type="submit" class="danger" aria-label={t('adminTeam.removeMember', { name: u.name })}>
                    {t('adminTeam.remove')}
                  </button>
                </form>
              </div>
            )}
          </li>
        ))}
      </ul>
      <TwoFactorRule s={s} factors={factors} form={ruleForm} />
      {manage && (
        <section aria-labelledby="invite">
          <h2 id="invite">{t('adminTeam.inviteHeading')}</h2>
          <FormAlert form={form} />
          <form method="post" action="/admin/team/invites" class="card" novalidate>
            <CsrfField token={s.session.csrfToken} />
            <Field name="email" label={t('adminAuth.email')} type="email" form={form} required />
            <Select name="role" label={t('adminTeam.role')} form={form} options={options} initial="editor" />
            <button type="submit">{t('adminTeam.createInvite')}</button>
          </form>
        </section>
      )}
    </>
  );
}

/** The team: members and roles; owners and admins invite by link, change roles, remove. */
export function registerTeamRoutes(scope: App, deps: AppDeps): void {
  const render = async (
    reply: FastifyReply,
    s: Screen,
    form: FormState,
    status = 200,
    invite?: { link: string; email: string; expiresAt: Date },
    ruleForm: FormState = emptyForm(),
  ) => {
    const factors = { required: await isTwoFactorRequired(s.ctx), byMember: await listTeamFactors(s.ctx) };
    const users = await listUsers(s.ctx);
    return show(
      reply,
      s,
      s.t('adminTeam.title'),
      'team',
      <TeamScreen s={s} users={users} factors={factors} form={form} ruleForm={ruleForm} {...(invite && { invite })} />,
      status,
    );
  };

  scope.get('/team', async (request, reply) => render(reply, await screen(deps, request), emptyForm()));

  scope.post('/team/invites', async (request, reply) => {
    const s = await screen(deps, request, 'manage_team');
    const body = asBody(request.body);
    return submitForm(
      reply,
      body,
      async () => {
        const role = text(body, 'role');
        if (!isRole(role))
          throw new AppError('validation_failed', s.t('admin.fieldInvalid'), [{ path: 'role', message: s.t('adminTeam.chooseRole') }]);
        const baseUrl = deps.config.publicUrl;
        const invite = await inviteUser(s.ctx, { email: text(body, 'email'), role, baseUrl });
        // The link is shown once, on this response, and never put in a URL.
        return render(reply, { ...s, notice: s.t('adminNotice.memberInvited') }, emptyForm(), 200, {
          link: invite.link,
          email: text(body, 'email'),
          expiresAt: invite.expiresAt,
        });
      },
      (form, status) => render(reply, s, form, status),
    );
  });

  // Owners only (the verb refuses anyone else); audit-logged by the verb.
  scope.post('/team/two-factor', async (request, reply) => {
    const s = await screen(deps, request, 'manage_team');
    const required = text(asBody(request.body), 'required') === 'on';
    return submitForm(
      reply,
      {},
      async () => {
        await requireTwoFactor(s.ctx, { required });
        return redirectTo(reply, '/admin/team', required ? 'team-two-factor-on' : 'team-two-factor-off');
      },
      (form, status) => render(reply, s, emptyForm(), status, undefined, form),
    );
  });

  scope.post<{ Params: { id: string } }>('/team/:id/role', async (request, reply) => {
    const s = await screen(deps, request, 'manage_team');
    const role = text(asBody(request.body), 'role');
    if (!isRole(role)) throw new AppError('validation_failed', s.t('adminTeam.chooseRole'));
    await changeUserRole(s.ctx, request.params.id, role);
    return redirectTo(reply, '/admin/team', 'member-updated');
  });

  scope.post<{ Params: { id: string } }>('/team/:id/remove', async (request, reply) => {
    const s = await screen(deps, request, 'manage_team');
    await removeUser(s.ctx, request.params.id);
    return redirectTo(reply, '/admin/team', 'member-removed');
  });
}
