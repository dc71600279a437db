import type { AppDeps } from '../../app-deps.ts';
import type { App } from '../../http/create-app.ts';
import { listJobs, type Job } from '../../jobs/index.ts';
import { screen, show, type Screen } from '../admin-screen.tsx';
import { formatTime } from '../view/format.ts';

const shown = 50;

function JobList({ s, jobs, empty }: { s: Screen; jobs: Job[]; empty: string }) {
  if (jobs.length === 0) return <p>{empty}</p>;
  return (
    <ul class="items">
      {jobs.slice(0, shown).map((job) => (
        <li key={job.id}>
          <p style="margin:0">
            <strong>{job.name}</strong> <span class="meta">#{job.id}</span>
          </p>
          <p class="meta">
            due {formatTime(job.runAt, s.page.timeZone)} · attempt {job.attempts} of {job.maxAttempts}
          </p>
          {job.lastError && <pre class="diff">{job.lastError}</pre>}
        </li>
      ))}
      {jobs.length > shown && <li>…and {jobs.length - shown} more.</li>}
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
      'Background jobs',
      'jobs',
      <>
        <h1>Background jobs</h1>
        <h2>Failed for good</h2>
        <p class="hint">These jobs failed on every attempt; the last error says why.</p>
        <JobList s={s} jobs={dead.reverse()} empty="None. Every job has run or is waiting its turn." />
        <h2>Waiting</h2>
        <JobList s={s} jobs={pending} empty="Nothing is waiting." />
      </>,
    );
  });
}
