import type { AppDeps } from '../../app-deps.ts';
import { localeNames } from '../../i18n/negotiate-locale.ts';
import type { App } from '../../http/create-app.ts';
import { pageChangesSchema, updatePageSettings } from '../../modules/page/index.ts';
import { supportedLocales } from '../../shared/locales.ts';
import { redirectTo, screen, show, submitForm, type Screen } from '../admin-screen.tsx';
import { asBody, emptyForm, type FormState } from '../form-values.ts';
import { Checkbox, CsrfField, Field, Fieldset, FormAlert, Select } from '../view/form-fields.tsx';
import { ColourFields } from './colour-fields.tsx';
import { messageWith } from '../view/message-with.tsx';
import { footerLinkRows, pageChanges, settingsFieldPaths, settingsValues } from './settings-form.ts';

function SettingsForm({ s, form }: { s: Screen; form: FormState }) {
  const t = s.t;
  // Checkbox state comes from the form values, which hold the page's locales on a fresh form.
  const asSubmitted = { ...form, values: { _csrf: 'shown', ...form.values } };
  return (
    <>
      <h1>{t('adminSettings.title')}</h1>
      <FormAlert form={form} />
      <form method="post" action="/admin/settings" class="card" novalidate>
        <CsrfField token={s.session.csrfToken} />
        <Field name="name" label={t('adminSettings.pageName')} form={form} required />
        <p class="hint">
          {messageWith(t, 'adminSettings.publicUrlHint', {}, { url: <code>{s.page.url}</code>, variable: <code>AVISO_PUBLIC_URL</code> })}
        </p>
        <Field
          name="timeZone"
          label={t('adminSettings.timeZone')}
          form={form}
          required
          hint={t('adminSettings.timeZoneHint', { example1: 'Europe/Berlin', example2: 'America/Sao_Paulo' })}
        />
        <Fieldset legend={t('adminSettings.languages')} name="locales" error={form.errors['locales']}>
          {supportedLocales.map((l) => (
            <Checkbox key={l} name="locales" value={l} label={localeNames[l]} form={asSubmitted} />
          ))}
        </Fieldset>
        <Select
          name="defaultLocale"
          label={t('adminSettings.defaultLanguage')}
          form={form}
          options={supportedLocales.map((l) => [l, localeNames[l]] as const)}
        />
        <ColourFields form={form} pageName={s.page.name} />
        <Fieldset legend={t('adminSettings.logoAndLinks')}>
          <Field name="logoUrl" label={t('adminSettings.logoUrl')} type="url" form={form} />
          <Field name="faviconUrl" label={t('adminSettings.faviconUrl')} type="url" form={form} />
          <Field name="homepageUrl" label={t('adminSettings.homepageUrl')} type="url" form={form} />
          <Field name="supportUrl" label={t('adminSettings.supportUrl')} type="url" form={form} />
        </Fieldset>
        <Fieldset legend={t('adminSettings.embedding')}>
          <Field
            name="frameAncestors"
            label={t('adminSettings.frameAncestors')}
            hint={t('adminSettings.frameAncestorsHint', { example: 'https://intranet.example.com' })}
            form={form}
          />
        </Fieldset>
        <Fieldset legend={t('adminSettings.footerLinks')}>
          {Array.from({ length: footerLinkRows }, (_, i) => (
            <div class="grid two" key={i}>
              <Field name={`footerLabel-${i}`} label={t('adminSettings.footerLabel', { number: i + 1 })} form={form} />
              <Field name={`footerUrl-${i}`} label={t('adminSettings.footerUrl', { number: i + 1 })} type="url" form={form} />
            </div>
          ))}
        </Fieldset>
        <button type="submit">{t('admin.save')}</button>
      </form>
    </>
  );
}

/** The page's name, URL, time zone, languages, colours, logo and footer links. */
export function registerSettingsRoutes(scope: App, deps: AppDeps): void {
  scope.get('/settings', async (request, reply) => {
    const s = await screen(deps, request, 'manage_page');
    return show(reply, s, s.t('adminSettings.title'), 'settings', <SettingsForm s={s} form={emptyForm(settingsValues(s.page))} />);
  });

  scope.post('/settings', async (request, reply) => {
    const s = await screen(deps, request, 'manage_page');
    const body = asBody(request.body);
    return submitForm(
      reply,
      body,
      async () => {
        // The verb trusts its input, so the form is parsed here, at the edge.
        await updatePageSettings(s.ctx, pageChangesSchema.parse(pageChanges(body, s.page.settings)));
        return redirectTo(reply, '/admin/settings', 'settings-saved');
      },
      (form, status) => show(reply, s, s.t('adminSettings.title'), 'settings', <SettingsForm s={s} form={form} />, status),
      settingsFieldPaths,
    );
  });
}
