import type { LightMyRequestResponse } from 'fastify';
import type { Aviso } from '../../src/app.ts';
import { createUser, type Role } from '../../src/modules/accounts/index.ts';
import type { FixedClock } from '../../src/shared/clock.ts';
import type { Ctx } from '../../src/shared/context.ts';
import type { DnsServer } from './dns-server.ts';
import { buildTestAviso } from './test-aviso.ts';
import { createTestContext } from './test-context.ts';

export interface AdminTestApp {
  aviso: Aviso;
  ctx: Ctx;
  clock: FixedClock;
  /** A browser-like client signed in as a new member with this role. */
  signIn(role: Role): Promise<AdminClient>;
  /** The resolver the app's outbound requests use; tests add names to it. */
  dns: DnsServer;
  close(): Promise<void>;
}

export const testPassword = 'correct horse battery';

/**
 * The whole app over a fresh database with a page and a pinned clock, for admin HTTP tests.
 * Outbound requests may reach 127.0.0.0/8 and resolve names through a local DNS server.
 */
export async function createAdminTestApp(
  options: { now?: string; timeZone?: string; env?: Record<string, string> } = {},
): Promise<AdminTestApp> {
  const test = await createTestContext({
    ...(options.now !== undefined && { now: options.now }),
    ...(options.timeZone !== undefined && { timeZone: options.timeZone }),
  });
  const { aviso, dns, close } = await buildTestAviso(test, options.env);
  let count = 0;
  return {
    aviso,
    ctx: test.ctx,
    clock: test.clock,
    signIn: async (role) => {
      const email = `${role}${++count}@example.com`;
      await createUser(test.ctx, { email, name: `${role} ${count}`, password: testPassword, role });
      const client = new AdminClient(aviso);
      const response = await client.login(email, testPassword);
      if (response.statusCode !== 303) throw new Error(`login failed with ${response.statusCode}`);
      return client;
    },
    dns,
    close: async () => {
      await close();
      await test.close();
    },
  };
}

/** Keeps cookies like a browser and reads the CSRF field from the last page it loaded. */
export class AdminClient {
  readonly cookies = new Map<string, string>();
  csrf = '';
  constructor(private readonly aviso: Aviso) {}

  private remember(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const cookie of response.cookies) {
      if (cookie.value === '' || (cookie.maxAge !== undefined && cookie.maxAge <= 0)) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token !== undefined) this.csrf = token;
    return response;
  }

  private cookieHeader(): Record<string, string> {
    return this.cookies.size === 0 ? {} : { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.remember(await this.aviso.app.inject({ method: 'GET', url, headers: { ...this.cookieHeader(), ...headers } }));
  }

  /** Posts a form as a browser does; `_csrf` is the last page's token unless the fields say otherwise. */
  async post(
    url: string,
    fields: Record<string, string | string[]>,
    options: { withCsrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse> {
    const params = new URLSearchParams();
    if (options.withCsrf !== false && fields['_csrf'] === undefined) params.append('_csrf', this.csrf);
    for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) params.append(name, v);
    return this.remember(
      await this.aviso.app.inject({
        method: 'POST',
        url,
        headers: { ...this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded', ...options.headers },
        payload: params.toString(),
      }),
    );
  }

  async login(email: string, password: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    await this.get('/admin/login', headers);
    return this.post('/admin/login', { email, password }, { headers });
  }
}
