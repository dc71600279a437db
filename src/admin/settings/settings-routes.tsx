import type { AppDeps } from '../../app-deps.ts';
import type { App } from '../../http/create-app.ts';
import { pageChangesSchema, updatePageSettings } from '../../modules/page/index.ts';
import { supportedLocales } from '../../shared/locales.ts';
import { redirectTo, screen, show, submitForm, type Screen } from '../admin-screen.tsx';
import { asBody, emptyForm, type FormState } from '../form-values.ts';
import { Checkbox, CsrfField, Field, Fieldset, FormAlert, Select } from '../view/form-fields.tsx';
import { ColourFields } from './colour-fields.tsx';
import { footerLinkRows, pageChanges, settingsFieldPaths, settingsValues } from './settings-form.ts';

const localeNames: Record<string, string> = {
  en: 'English',
  'pt-BR': 'Português (Brasil)',
  es: 'Español',
  ru: 'Русский',
  de: 'Deutsch',
  fr: 'Français',
};

function SettingsForm({ s, form }: { s: Screen; form: FormState }) {
  // Checkbox state comes from the form values, which hold the page's locales on a fresh form.
  const asSubmitted = { ...form, values: { _csrf: 'shown', ...form.values } };
  return (
    <>
      <h1>Page settings</h1>
      <FormAlert form={form} />
      <form method="post" action="/admin/settings" class="card" novalidate>
        <CsrfField token={s.session.csrfToken} />
        <Field name="name" label="Page name" form={form} required />
        <p class="hint">
          Public URL: <code>{s.page.url}</code>. Links in emails, feeds, the APIs and the widget use it; it is set by{' '}
          <code>AVISO_PUBLIC_URL</code> where Aviso runs.
        </p>
        <Field
          name="timeZone"
          label="Time zone"
          form={form}
          required
          hint="An IANA name such as Europe/Berlin or America/Sao_Paulo. Days, months and times on the page use it."
        />
        <Fieldset legend="Languages" name="locales" error={form.errors['locales']}>
          {supportedLocales.map((l) => (
            <Checkbox key={l} name="locales" value={l} label={localeNames[l] ?? l} form={asSubmitted} />
          ))}
        </Fieldset>
        <Select
          name="defaultLocale"
          label="Default language"
          form={form}
          options={supportedLocales.map((l) => [l, localeNames[l] ?? l] as const)}
        />
        <ColourFields form={form} pageName={s.page.name} />
        <Fieldset legend="Logo and links">
          <Field name="logoUrl" label="Logo URL" type="url" form={form} />
          <Field name="faviconUrl" label="Favicon URL" type="url" form={form} />
          <Field name="homepageUrl" label="Your home page" type="url" form={form} />
          <Field name="supportUrl" label="Support page" type="url" form={form} />
        </Fieldset>
        <Fieldset legend="Embedding">
          <Field
            name="frameAncestors"
            label="Sites that may frame the public page"
            hint="Origins like https://intranet.example.com, separated by spaces; leave empty so that no other site can."
            form={form}
          />
        </Fieldset>
        <Fieldset legend="Footer links">
          {Array.from({ length: footerLinkRows }, (_, i) => (
            <div class="grid two" key={i}>
              <Field name={`footerLabel-${i}`} label={`Link ${i + 1} label`} form={form} />
              <Field name={`footerUrl-${i}`} label={`Link ${i + 1} address`} type="url" form={form} />
            </div>
          ))}
        </Fieldset>
        <button type="submit">Save</button>
      </form>
    </>
  );
}

/** The page's name, URL, time zone, languages, colours, logo and footer links. */
export function registerSettingsRoutes(scope: App, deps: AppDeps): void {
  scope.get('/settings', async (request, reply) => {
    const s = await screen(deps, request, 'manage_page');
    return show(reply, s, 'Page settings', 'settings', <SettingsForm s={s} form={emptyForm(settingsValues(s.page))} />);
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
      (form, status) => show(reply, s, 'Page settings', 'settings', <SettingsForm s={s} form={form} />, status),
      settingsFieldPaths,
    );
  });
}
