import { renderMarkdown } from '../../shared/markdown.ts';
import { fieldId, text, type FormState } from '../form-values.ts';
import { TextArea } from '../view/form-fields.tsx';
import { useT } from '../view/admin-i18n.tsx';

/** The heading level an update's or postmortem's top heading takes on the public incident page. */
export const publicHeadingLevel = 3;

/** An operator's Markdown as the public page renders it (the same safe renderer, raw HTML off). */
export function MarkdownBody({ source }: { source: string }) {
  return <div class="markdown" dir="auto" dangerouslySetInnerHTML={{ __html: renderMarkdown(source, publicHeadingLevel) }} />;
}

/** What the preview shows for a text: its rendering, or a note that nothing is written yet. */
export function PreviewContent({ source, nothing }: { source: string; nothing: string }) {
  return source.trim() === '' ? <p class="meta">{nothing}</p> : <MarkdownBody source={source} />;
}

/**
 * A Markdown text area with its preview. Without JavaScript, "Preview" submits the form, which
 * comes back with the text kept and the preview shown, and nothing written; the admin script
 * (admin-script.ts) updates the same preview as the operator types.
 */
export function MarkdownField(props: { name: string; label: string; form: FormState; hint?: string; rows?: number; required?: boolean }) {
  const id = fieldId(props.form, props.name);
  const source = text(props.form.values, props.name);
  const shown = props.form.previewing === true;
  const t = useT();
  return (
    <div class="markdown-field" data-markdown-field>
      <TextArea
        name={props.name}
        label={props.label}
        form={props.form}
        hint={props.hint ?? t('admin.markdownHint')}
        {...(props.rows !== undefined && { rows: props.rows })}
        {...(props.required !== undefined && { required: props.required })}
      />
      <button type="submit" name="intent" value="preview" class="secondary" aria-controls={`${id}-preview`}>
        {t('admin.preview')}
      </button>
      <section class="preview" id={`${id}-preview`} aria-label={t('admin.previewLabel')} aria-live="polite" hidden={!shown}>
        <p class="meta">{t('admin.previewLabel')}</p>
        <div data-preview-output>{shown && <PreviewContent source={source} nothing={t('admin.nothingWritten')} />}</div>
      </section>
    </div>
  );
}
