import assert from 'node:assert/strict';
import { after, before, beforeEach } from 'node:test';
import { createApiKey } from '../../src/modules/accounts/index.ts';
import { apiClient } from './api-client.ts';
import { createApiTestApp, type ApiTestApp } from './api-test-app.ts';

export interface StatuspageV1Suite {
  app: ApiTestApp;
  /** `/v1/pages/<page id>`. */
  base: string;
  call: ReturnType<typeof apiClient>;
  /** Creates a component through the API and returns its id. */
  newComponent(name: string, extra?: Record<string, unknown>): Promise<string>;
}

/**
 * One app for a test file, with a fresh write key for each test so the per-key rate limit never
 * decides an outcome. The returned object is filled in once the file's `before` hook has run.
 */
export function useStatuspageV1Suite(options: { now: string }): StatuspageV1Suite {
  let key = '';
  let client: ReturnType<typeof apiClient> | undefined;
  const suite: StatuspageV1Suite = {
    app: undefined as unknown as ApiTestApp,
    base: '',
    call: (method, url, callOptions) => client!(method, url, callOptions),
    newComponent: async (name, extra = {}) => {
      const response = await suite.call('POST', `${suite.base}/components`, { json: { component: { name, ...extra } } });
      assert.equal(response.statusCode, 201, response.body);
      return response.json().id;
    },
  };
  before(async () => {
    suite.app = await createApiTestApp({ now: options.now });
    client = apiClient(suite.app, () => key);
    suite.base = `/v1/pages/${suite.app.pageId}`;
  });
  beforeEach(async () => {
    // A Statuspage key may do everything, subscribers included: Aviso's equivalent is the admin scope.
    key = (await createApiKey(suite.app.ctx, { name: 'Test key', scope: 'admin' })).key;
  });
  after(async () => suite.app.close());
  return suite;
}
