import type { Incident } from '../../modules/incidents/index.ts';
import { formatDateTime } from '../../i18n/format-dates.ts';
import { renderMarkdown } from '../../shared/markdown.ts';
import { timeline } from '../page-model.ts';
import type { ViewContext } from './view-context.ts';

/** An event's updates, newest first, the published postmortem on top; bodies are the operator's Markdown, its headings from `headingLevel`. */
export function Timeline({ view, event, headingLevel }: { view: ViewContext; event: Incident; headingLevel: number }) {
  return (
    <ol class="timeline">
      {timeline(event, view.locale).map((entry) => (
        <li class={`entry entry-${entry.label}`} key={entry.key}>
          <strong class="entry-label">{view.t(`label.${entry.label}`)}</strong>
          <div class="entry-body" dir="auto" dangerouslySetInnerHTML={{ __html: renderMarkdown(entry.body, headingLevel) }} />
          <p class="entry-time">
            <time dateTime={entry.at.toISOString()}>{formatDateTime(view.locale, view.page.timeZone, entry.at)}</time>
          </p>
        </li>
      ))}
    </ol>
  );
}
