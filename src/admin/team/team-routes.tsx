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
import { CsrfField, Field, FormAlert, Select } from '../view/form-fields.tsx';
import { formatTime } from '../view/format.ts';

const roleOptions = roles.map((r) => [r, r.charAt(0).toUpperCase() + r.slice(1)] as const);
const roleHelp =
  'Owner: everything, including the team. Admin: components, page settings, API keys. Editor: posts incidents and maintenance. Viewer: reads only.';

/** What a member has besides a password, in words. */
function factorsText(factors: MemberFactors | undefined): string {
  const has = [
    ...(factors?.authenticator === true ? ['authenticator app'] : []),
    ...(factors === undefined || factors.passkeys === 0 ? [] : [factors.passkeys === 1 ? '1 passkey' : `${factors.passkeys} passkeys`]),
  ];
  return has.length === 0 ? 'none' : has.join(', ');
}

interface TeamFactors {
  required: boolean;
  byMember: Map<string, MemberFactors>;
}

/** The team's two-factor rule: shown to everyone, changed by owners only. */
function TwoFactorRule({ s, factors, form }: { s: Screen; factors: TeamFactors; form: FormState }) {
  return (
    <section aria-labelledby="two-factor-rule">
      <h2 id="two-factor-rule">Two-factor login</h2>
      <p>
        {factors.required
          ? 'Required: a member who logs in with a password and has no second factor must set one up before anything else.'
          : 'Not required: each member chooses on their account screen.'}{' '}
        <span class="hint">Sign-in through single sign-on follows the identity provider’s rules; API keys are not affected.</span>
      </p>
      {s.session.user.role === 'owner' && (
        <>
          <FormAlert form={form} />
          <form method="post" action="/admin/team/two-factor" class="inline">
            <CsrfField token={s.session.csrfToken} />
            <input type="hidden" name="required" value={factors.required ? 'off' : 'on'} />
            <button type="submit" class={factors.required ? 'secondary' : ''}>
              {factors.required ? 'Stop requiring two-factor login' : 'Require two-factor login for the team'}
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
  const manage = s.can('manage_team');
  return (
    <>
      <h1>Team</h1>
      <p class="hint">{roleHelp}</p>
      {invite && (
        <div class="notice" role="status">
          <p>
            Send this link to {invite.email}. It works once, until {formatTime(invite.expiresAt, s.page.timeZone)}:
          </p>
          <p class="secret">{invite.link}</p>
        </div>
      )}
      <ul class="items" aria-label="Team members">
        {users.map((u) => (
          <li key={u.id}>
            <h2 style="margin:0;font-size:1.05rem">
              {u.name} <span class="meta">({u.role})</span>
            </h2>
            <p class="meta">
              {u.email} · last login {formatTime(u.lastLoginAt, s.page.timeZone)} · two-factor: {factorsText(factors.byMember.get(u.id))}
            </p>
            {manage && u.id !== s.session.user.id && (
              <div class="actions">
                <form method="post" action={`/admin/team/${u.id}/role`} class="actions" style="margin:0">
                  <CsrfField token={s.session.csrfToken} />
                  <label for={`role-${u.id}`} class="sr-only">
                    Role of {u.name}
                  </label>
                  <select id={`role-${u.id}`} name="role" style="width:auto">
                    {roleOptions.map(([value, label]) => (
                      <option key={value} value={value} selected={value === u.role}>
                        {label}
                      </option>
                    ))}
                  </select>
                  <button type="submit" class="secondary">
                    Change role<span class="sr-only"> of {u.name}</span>
                  </button>
                </form>
                <form method="post" action={`/admin/team/${u.id}/remove`} class="inline">
                  <CsrfField token={s.session.csrfToken} />
                  <button type="submit" class="danger">
                    Remove<span class="sr-only"> {u.name}</span>
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
          <h2 id="invite">Invite a team member</h2>
          <FormAlert form={form} />
          <form method="post" action="/admin/team/invites" class="card" novalidate>
            <CsrfField token={s.session.csrfToken} />
            <Field name="email" label="Email" type="email" form={form} required />
            <Select name="role" label="Role" form={form} options={roleOptions} initial="editor" />
            <button type="submit">Create invitation link</button>
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
      'Team',
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
          throw new AppError('validation_failed', 'Choose one of the listed roles.', [
            { path: 'role', message: 'Choose one of the listed roles.' },
          ]);
        const baseUrl = deps.config.publicUrl;
        const invite = await inviteUser(s.ctx, { email: text(body, 'email'), role, baseUrl });
        // The link is shown once, on this response, and never put in a URL.
        return render(reply, { ...s, notice: 'The invitation is ready.' }, emptyForm(), 200, {
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
    if (!isRole(role)) throw new AppError('validation_failed', 'Choose one of the listed roles.');
    await changeUserRole(s.ctx, request.params.id, role);
    return redirectTo(reply, '/admin/team', 'member-updated');
  });

  scope.post<{ Params: { id: string } }>('/team/:id/remove', async (request, reply) => {
    const s = await screen(deps, request, 'manage_team');
    await removeUser(s.ctx, request.params.id);
    return redirectTo(reply, '/admin/team', 'member-removed');
  });
}
