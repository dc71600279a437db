import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { statuspageFixture } from './fixtures.ts';

interface CapturedComponent {
  id: string;
  name: string;
  status: string;
  group: boolean;
  group_id: string | null;
  components?: string[];
}

/**
 * Another status page on 127.0.0.1 that serves Statuspage's public API v2 from a real captured
 * response (HashiCorp's components.json, see test/fixtures/statuspage/SOURCES.md) as
 * `/api/v2/summary.json`, with ETag and Last-Modified validators, until the test changes a
 * component, takes the page away (every connection refused) or brings it back.
 */
export async function startUpstreamStatuspage() {
  const captured = JSON.parse(statuspageFixture('hashicorp_components_2021-08-06_statuses-edited.json')) as {
    page: Record<string, unknown>;
    components: CapturedComponent[];
  };
  const components = captured.components.map((c) => ({ ...c }));
  let lastModified = new Date('2021-08-06T23:51:55Z');
  let down = false;
  const requests: { path: string; headers: IncomingHttpHeaders; status: number }[] = [];

  const summary = () => {
    // A group shows its most degraded child, as the source page computes it.
    const order = ['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage'];
    const shown = components.map((c) => {
      if (!c.group) return c;
      const children = components.filter((k) => k.group_id === c.id);
      const worst = children.reduce((w, k) => (order.indexOf(k.status) > order.indexOf(w) ? k.status : w), 'operational');
      return { ...c, status: worst };
    });
    return JSON.stringify({
      page: { ...captured.page, updated_at: lastModified.toISOString() },
      components: shown,
      incidents: [],
      scheduled_maintenances: [],
      status: { indicator: 'minor', description: 'Partially Degraded Service' },
    });
  };

  /** Other documents the page serves, by path (incidents.json, …), or an error answer. */
  const documents = new Map<string, { status: number; body: string; headers?: Record<string, string> }>();

  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    const document = documents.get(path);
    if (document !== undefined) {
      requests.push({ path, headers: request.headers, status: document.status });
      response.writeHead(document.status, { 'content-type': 'application/json', ...document.headers }).end(document.body);
      return;
    }
    if (path !== '/api/v2/summary.json') {
      requests.push({ path, headers: request.headers, status: 404 });
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    const body = summary();
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    const notModified = request.headers['if-none-match'] === etag;
    const status = notModified ? 304 : 200;
    requests.push({ path, headers: request.headers, status });
    const headers = { etag, 'last-modified': lastModified.toUTCString(), 'content-type': 'application/json' };
    if (notModified) response.writeHead(304, headers).end();
    else response.writeHead(200, headers).end(body);
  });
  server.keepAliveTimeout = 1000;
  server.on('connection', (socket) => {
    if (down) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    /** The page's address, as an operator gives it to a third-party component. */
    base,
    requests,
    /** Requests for the summary (the one document polled). */
    polls: () => requests.filter((r) => r.path === '/api/v2/summary.json'),
    components,
    /** Serves `body` (JSON) at `path`, or an error answer, until told otherwise; `undefined` stops serving it. */
    serve(path: string, answer: { status: number; body: string; headers?: Record<string, string> } | undefined): void {
      if (answer === undefined) documents.delete(path);
      else documents.set(path, answer);
    },
    setStatus(id: string, status: string): void {
      const component = components.find((c) => c.id === id);
      if (component === undefined) throw new Error(`no upstream component ${id}`);
      component.status = status;
      lastModified = new Date(lastModified.getTime() + 60_000);
    },
    remove(id: string): void {
      const index = components.findIndex((c) => c.id === id);
      if (index >= 0) components.splice(index, 1);
      lastModified = new Date(lastModified.getTime() + 60_000);
    },
    /** Every new connection is dropped at once, as a page that is gone. */
    goAway(): void {
      down = true;
      for (const socket of sockets) socket.destroy();
    },
    comeBack(): void {
      down = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
