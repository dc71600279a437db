import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import { buildScenario, createPublicApp, type PublicApp } from '../../../test/support/public-scenario.ts';
import { statuspageFixture } from '../../../test/support/fixtures.ts';
import {
  componentsDocumentSchema,
  documentKeys,
  incidentsDocumentSchema,
  keyOrderProblems,
  legacyIncidentsDocumentSchema,
  maintenancesDocumentSchema,
  statusDocumentSchema,
  summarySchema,
} from './contract-schemas.ts';

const fixture = (name: string): unknown => JSON.parse(statuspageFixture(name));

const schemas: Record<string, z.ZodType> = {
  summary: summarySchema,
  status: statusDocumentSchema,
  components: componentsDocumentSchema,
  incidents: incidentsDocumentSchema,
  'incidents/unresolved': incidentsDocumentSchema,
  'scheduled-maintenances': maintenancesDocumentSchema,
  'scheduled-maintenances/upcoming': maintenancesDocumentSchema,
  'scheduled-maintenances/active': maintenancesDocumentSchema,
};

function assertParses(schema: z.ZodType, document: unknown, what: string): void {
  const result = schema.safeParse(document);
  assert.ok(result.success, `${what} does not match the contract: ${result.success ? '' : z.prettifyError(result.error)}`);
}

describe('the v2 contract schemas hold real Statuspage responses', () => {
  it('accept HashiCorp components.json, groups and key order included', () => {
    const document = fixture('hashicorp_components_2021-08-06_statuses-edited.json');
    assertParses(componentsDocumentSchema, document, 'HashiCorp components.json');
    assert.deepEqual(keyOrderProblems(document), []);
  });

  it("accept Emma's 2019 incidents.json in its legacy shape (no started_at, placeholder components)", () => {
    assertParses(legacyIncidentsDocumentSchema, fixture('emma_incidents_2019-02-21.json'), 'Emma incidents.json');
  });

  it('refuse a component whose keys are out of order, and one with an extra field', () => {
    const document = fixture('hashicorp_components_2021-08-06_statuses-edited.json') as { components: Record<string, unknown>[] };
    const [first] = document.components;
    const { id, ...rest } = first!;
    document.components[0] = { ...rest, id };
    assert.notDeepEqual(keyOrderProblems(document), []);
    document.components[0] = { id, ...rest, postmortem_body: null };
    assert.equal(componentsDocumentSchema.safeParse(document).success, false);
  });
});

for (const timeZone of ['Etc/UTC', 'America/Chicago']) {
  describe(`every v2 endpoint matches the contract (${timeZone})`, () => {
    let app: PublicApp;
    before(async () => {
      app = await createPublicApp({ timeZone });
    });
    after(() => app.close());

    const checkAll = async (label: string) => {
      for (const [name, schema] of Object.entries(schemas)) {
        const response = await app.aviso.app.inject({ method: 'GET', url: `/api/v2/${name}.json` });
        assert.equal(response.statusCode, 200, `${name}: ${response.body}`);
        const document: unknown = response.json();
        assertParses(schema, document, `${label} ${name}.json`);
        assert.deepEqual(Object.keys(document as object), documentKeys[name], `${name} top-level keys`);
        assert.deepEqual(keyOrderProblems(document), [], `${label} ${name}.json key order`);
      }
    };

    it('for a page with nothing on it yet', async () => {
      await checkAll('blank page');
    });

    it('for a page with an active incident, maintenances now and later, groups and a postmortem', async () => {
      await buildScenario(app);
      await checkAll('busy page');
      const summary = summarySchema.parse((await app.aviso.app.inject('/api/v2/summary.json')).json());
      const offset = timeZone === 'Etc/UTC' ? /Z$/ : /-06:00$/;
      assert.match(summary.page.updated_at, offset);
      assert.match(summary.incidents[0]!.incident_updates[0]!.display_at, offset);
      assert.equal(summary.incidents.length, 1);
      assert.equal(summary.scheduled_maintenances.length, 2);
      assert.ok(summary.components.some((c) => c.group && c.components !== undefined && c.components.length === 2));
    });
  });
}

describe('the bundled example page answers every public read', () => {
  let app: PublicApp;
  before(async () => {
    app = await createPublicApp({ example: 'kinescope', now: '2026-01-15T12:00:00.000Z' });
  });
  after(() => app.close());

  it('every v2 endpoint matches the contract, in the page time zone', async () => {
    for (const [name, schema] of Object.entries(schemas)) {
      const response = await app.aviso.app.inject({ method: 'GET', url: `/api/v2/${name}.json` });
      assert.equal(response.statusCode, 200, `${name}: ${response.body}`);
      const document = response.json() as { page: { time_zone: string; updated_at: string } };
      assertParses(schema, document, `example ${name}.json`);
      assert.deepEqual(keyOrderProblems(document), [], `example ${name}.json key order`);
      assert.equal(document.page.time_zone, 'Europe/Moscow');
      assert.match(document.page.updated_at, /\+03:00$/);
    }
    const incidents = incidentsDocumentSchema.parse((await app.aviso.app.inject('/api/v2/incidents.json')).json()).incidents;
    assert.ok(incidents.some((i) => i.name === 'API Service outage' && i.status === 'postmortem'));
  });

  it('the feeds, the calendar, the badge and the widget answer too', async () => {
    for (const url of ['/history.atom', '/history.rss', '/maintenances.ics', '/badge.svg', '/badge.svg?uptime=90d', '/embed.js']) {
      const response = await app.aviso.app.inject(url);
      assert.equal(response.statusCode, 200, `${url}: ${response.body.slice(0, 200)}`);
      assert.equal(response.headers['access-control-allow-origin'], '*', url);
    }
  });
});
