import type { AppDeps } from '../../app-deps.ts';
import type { App } from '../../http/create-app.ts';
import { listJobs, type Job } from '../../jobs/index.ts';
import { screen, show, type Screen } from '../admin-screen.tsx';
import { formatTime } from '../view/format.ts';
import { useLocale, useT } from '../view/admin-i18n.tsx';

const shown = 50;

function JobList({ s, jobs, empty }: { s: Screen; jobs: Job[]; empty: string }) {
  const t = useT();
  const locale = useLocale();
  if (jobs.length === 0) return <p>{empty}</p>;
  return (
    <ul class="items">
      {jobs.slice(0, shown).map((job) => (
        <li key={job.id}>
          <p style="margin:0">
            <strong>{job.name}</strong> <span class="meta">#{job.id}</span>
          </p>
          <p class="meta">
            {t('adminJobs.due', { time: formatTime(job.runAt, s.page.timeZone, locale) })} ·{' '}
            {t('adminJobs.attempt', { attempt: job.attempts, max: job.maxAttempts })}
          </p>
          {job.lastError && <pre class="diff">{job.lastError}</pre>}
        </li>
      ))}
      {jobs.length > shown && <li>{t('adminJobs.more', { count: jobs.length - shown })}</li>}
    </ul>
  );
}

/** Background jobs: what is waiting (maintenance starts, reminders, notifications) and what failed for good. */
export function registerJobRoutes(scope: App, deps: AppDeps): void {
  scope.get('/jobs', async (request, reply) => {
    const s = await screen(deps, request, 'manage_page');
    const [dead, pending] = await Promise.all([listJobs(s.ctx.db, { status: 'dead' }), listJobs(s.ctx.db, { status: 'pending' })]);
    return show(
      reply,
      s,
      s.t('adminJobs.title'),
      'jobs',
      <>
        <h1>{s.t('adminJobs.title')}</h1>
        <h2>{s.t('adminJobs.deadTitle')}</h2>
        <p class="hint">{s.t('adminJobs.deadHint')}</p>
        <JobList s={s} jobs={dead.reverse()} empty={s.t('adminJobs.deadEmpty')} />
        <h2>{s.t('adminJobs.pendingTitle')}</h2>
        <JobList s={s} jobs={pending} empty={s.t('adminJobs.pendingEmpty')} />
      </>,
    );
  });
}
