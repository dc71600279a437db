import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildJobs } from '../../app-jobs.ts';
import { startAviso, type StartedAviso } from '../../start-aviso.ts';
import { JobWorker } from '../../jobs/index.ts';
import { FixedClock } from '../../shared/clock.ts';
import { silentLogger } from '../../shared/logger.ts';
import type { Outbound } from '../../outbound/index.ts';
import { createSharedDatabase, type SharedDatabase } from '../../../test/support/shared-database.ts';
import { createTestOutbound } from '../../../test/support/outbound.ts';
import { startUpstreamStatuspage } from '../../../test/support/upstream-statuspage.ts';
import { createChannels } from '../notifications/index.ts';
import { createComponent, findComponent } from '../components/index.ts';

describe('two instances on one database', () => {
  let shared: SharedDatabase;
  const instances: StartedAviso[] = [];
  const outbounds: Outbound[] = [];
  const upstreams: Awaited<ReturnType<typeof startUpstreamStatuspage>>[] = [];
  // The instances write with the real clock (creating components); the workers' clock starts there.
  const clock = new FixedClock(new Date());

  before(async () => {
    shared = await createSharedDatabase();
    for (const name of ['first', 'second']) instances.push(await startAviso({ config: shared.config(name), log: silentLogger }));
    for (let i = 0; i < 2; i++) upstreams.push(await startUpstreamStatuspage());
  });

  after(async () => {
    for (const outbound of outbounds) await outbound.close();
    for (const upstream of upstreams) await upstream.close();
    for (const instance of instances) await instance.close();
    await shared?.close();
  });

  test('poll each source once per interval, whichever instance gets there first', async () => {
    const first = instances[0]!.aviso.deps.ctx;
    const components = [];
    for (const [i, upstream] of upstreams.entries())
      for (const id of ['7cgbxrw10wgr', 'b4pr9x7288zy', 'mgv1p2j9x444'])
        components.push(
          await createComponent(first, { name: `Source ${i} ${id}`, thirdParty: { sourceUrl: upstream.base, componentId: id } }),
        );

    const workers = instances.map((instance, i) => {
      const outbound = createTestOutbound();
      outbounds.push(outbound);
      const jobs = buildJobs({
        notifications: { publicUrl: 'http://127.0.0.1', channels: createChannels({ outbound }) },
        thirdParty: { outbound },
      });
      return new JobWorker({ ctx: { ...instance.aviso.deps.ctx, clock }, handlers: jobs.handlers, recurring: jobs.recurring, id: `w${i}` });
    });

    // A simulated ten minutes: both workers look for due jobs every simulated second, at once.
    const minutes = 10;
    for (let second = 0; second < minutes * 60; second++) {
      await Promise.all(workers.map((w) => w.tick()));
      clock.advance(1000);
    }
    for (const upstream of upstreams) {
      const polls = upstream.polls().length;
      assert.equal(polls, minutes, `one request per source per 60-second interval, got ${polls} in ${minutes} intervals`);
    }
    upstreams[1]!.setStatus('b4pr9x7288zy', 'major_outage');
    for (let second = 0; second < 60; second++) {
      await Promise.all(workers.map((w) => w.tick()));
      clock.advance(1000);
    }
    const changed = components.find((c) => c.name === 'Source 1 b4pr9x7288zy')!;
    assert.equal((await findComponent(instances[1]!.aviso.deps.ctx.db, changed.id))?.status, 'major_outage');
    assert.equal(upstreams[1]!.polls().length, minutes + 1);
  });
});
