import type { MessageKey } from '../../i18n/translate.ts';
import { webMessage } from '../../subscriptions-web/web-messages.ts';
import { Layout } from './layout.tsx';
import type { ViewContext } from './view-context.ts';

export interface ErrorViewModel {
  status: number;
  code: string;
  /** Shown for failures on Aviso's side, so a visitor can quote it. */
  reference: string | undefined;
}

/** The words of an error, by what the visitor can do about it. */
function wordsFor(model: ErrorViewModel): { title: MessageKey; text: MessageKey } {
  if (model.code === 'link_invalid') return { title: 'error.linkInvalidTitle', text: 'error.linkInvalidText' };
  if (model.status === 404) return { title: 'error.notFoundTitle', text: 'error.notFoundText' };
  if (model.status === 429) return { title: 'error.rateLimitedTitle', text: 'error.rateLimitedText' };
  if (model.status === 503) return { title: 'error.unavailableTitle', text: 'error.unavailableText' };
  if (model.status >= 500) return { title: 'error.internalTitle', text: 'error.internalText' };
  return { title: 'error.badRequestTitle', text: 'error.badRequestText' };
}

/** An error on a public URL, in the page's own frame and the reader's language. */
export function ErrorView({ view, model }: { view: ViewContext; model: ErrorViewModel }) {
  const { t } = view;
  const words = wordsFor(model);
  const title = t(words.title);
  return (
    <Layout view={view} title={`${title} · ${view.page.name}`} section="other">
      <div class="error-page">
        <p class="error-code">{t('error.code', { status: model.status })}</p>
        <h1>{title}</h1>
        <p>{t(words.text)}</p>
        {model.reference !== undefined && <p class="error-reference">{t('error.reference', { reference: model.reference })}</p>}
        <p class="more">
          <a href="/">
            <span class="arrow" aria-hidden="true">
              ←
            </span>{' '}
            {webMessage(view.locale, 'backToPage')}
          </a>
        </p>
      </div>
    </Layout>
  );
}
