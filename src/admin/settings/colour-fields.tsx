import { checked, fieldId, text, type FormState } from '../form-values.ts';
import { useT } from '../view/admin-i18n.tsx';
import { Fieldset } from '../view/form-fields.tsx';
import { messageWith } from '../view/message-with.tsx';
import { colourFields, defaultColours, type ColourKey } from './settings-form.ts';

const previewVariables = (colours: Record<ColourKey, string>) =>
  Object.entries(colours)
    .map(([key, value]) => `--preview-${key}:${value}`)
    .join(';');

/** The colour a field shows: the one typed or stored, else Aviso's default. */
function shownColour(form: FormState, key: ColourKey): { value: string; isDefault: boolean } {
  const value = text(form.values, `colour-${key}`).trim();
  // A submitted form says with its box whether the default is kept; a fresh one, by an empty value.
  const isDefault = form.values['_csrf'] !== undefined ? checked(form.values, `colour-${key}-default`) : value === '';
  return { value: isDefault || value === '' ? defaultColours[key] : value, isDefault };
}

/**
 * A colour picker per colour, each with "Aviso's default", and a preview of the page's header,
 * button and links in the colours chosen (admin-script.ts repaints it as the pickers move).
 */
export function ColourFields({ form, pageName }: { form: FormState; pageName: string }) {
  const t = useT();
  const shown = Object.fromEntries(colourFields.map(([key]) => [key, shownColour(form, key)])) as Record<
    ColourKey,
    { value: string; isDefault: boolean }
  >;
  // A refused colour is not painted: the preview shows what the page would keep, readable.
  const colours = Object.fromEntries(
    colourFields.map(([key]) => [key, form.errors[`colour-${key}`] === undefined ? shown[key].value : defaultColours[key]]),
  ) as Record<ColourKey, string>;
  return (
    <Fieldset legend={t('adminSettings.colours')}>
      <p class="hint">{t('adminSettings.coloursHint', { ratio: '4.5:1', level: 'WCAG AA' })}</p>
      <div
        class="colour-preview"
        data-colour-preview
        style={previewVariables(colours)}
        aria-label={t('adminSettings.coloursPreview')}
        role="group"
      >
        <div class="sample-header">
          {pageName}
          <span class="sample-button">{t('subscribe.subscribeLink')}</span>
        </div>
        <div class="sample-body">
          <p style="margin:0">
            {messageWith(t, 'adminSettings.sampleLinkSentence', {}, { link: <a href="/">{t('adminSettings.sampleLink')}</a> })}
          </p>
          <p class="meta" style="margin:.5rem 0 0">
            {colourFields
              .filter(([key]) => key !== 'link' && key !== 'headerBackground')
              .map(([key, label]) => (
                <span key={key} style="margin-inline-end:1rem;white-space:nowrap">
                  <span
                    aria-hidden="true"
                    style={`display:inline-block;inline-size:1rem;block-size:1rem;border-radius:3px;vertical-align:middle;margin-inline-end:.3rem;background:var(--preview-${key})`}
                  />
                  {t(label)}
                </span>
              ))}
          </p>
        </div>
      </div>
      {colourFields.map(([key, label]) => {
        const name = `colour-${key}`;
        const id = fieldId(form, name);
        const error = form.errors[name];
        return (
          <div class="field" key={key}>
            <label for={id}>{t(label)}</label>
            {error && (
              <p class="error" id={`${id}-error`}>
                {error}
              </p>
            )}
            <div class="colour-row">
              <input
                type="color"
                id={id}
                name={name}
                value={shown[key].value}
                data-colour={key}
                data-default-colour={defaultColours[key]}
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
              />
              <code>{shown[key].value}</code>
              <span class="check" style="margin:0">
                <input
                  type="checkbox"
                  id={`${id}-default`}
                  name={`${name}-default`}
                  value="on"
                  checked={shown[key].isDefault}
                  data-colour-default={name}
                />
                <label for={`${id}-default`}>{t('adminSettings.colourDefault')}</label>
              </span>
            </div>
          </div>
        );
      })}
    </Fieldset>
  );
}
