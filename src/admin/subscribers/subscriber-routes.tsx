import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import type { App } from '../../http/create-app.ts';
import { listSubscriberDeliveries } from '../../modules/notifications/index.ts';
import {
  addSubscriber,
  countSubscribers,
  exportSubscribersCsv,
  getSubscriber,
  importSubscribersCsv,
  listSubscribers,
  reactivateSubscriber,
  removeSubscriber,
  resendConfirmation,
  type Channel,
} from '../../modules/subscribers/index.ts';
import { redirectTo, screen, show, submitForm, type Screen } from '../admin-screen.tsx';
import { asBody, checked, emptyForm, text, type FormState } from '../form-values.ts';
import { SubscriberDetail, SubscriberList } from './subscriber-views.tsx';

const pageSize = 50;
const listQuery = z.object({
  q: z.string().max(200).default(''),
  state: z.enum(['', 'active', 'unconfirmed', 'quarantined', 'unsubscribed']).default(''),
  channel: z.enum(['', 'email', 'webhook', 'slack', 'discord', 'teams']).default(''),
  page: z.coerce.number().int().min(1).default(1),
});

/** Subscribers: counts, search, add, import and export CSV, and each one's delivery log. Addresses are personal data: page managers only. */
export function registerSubscriberRoutes(scope: App, deps: AppDeps): void {
  const renderList = async (
    reply: FastifyReply,
    s: Screen,
    query: unknown,
    forms: { add?: FormState; import?: FormState } = {},
    status = 200,
    imported?: string,
  ) => {
    const filter = listQuery.parse(query ?? {});
    const { subscribers, total } = await listSubscribers(s.ctx, {
      ...(filter.q !== '' && { q: filter.q }),
      ...(filter.state !== '' && { state: filter.state }),
      ...(filter.channel !== '' && { channel: filter.channel }),
      limit: pageSize,
      offset: (filter.page - 1) * pageSize,
    });
    const model = { subscribers, total, counts: await countSubscribers(s.ctx), filter, pageSize };
    const body = (
      <SubscriberList
        s={s}
        model={model}
        addForm={forms.add ?? emptyForm()}
        importForm={forms.import ?? emptyForm()}
        {...(imported !== undefined && { imported })}
      />
    );
    return show(reply, s, s.t('adminSubscribers.title'), 'subscribers', body, status);
  };

  scope.get('/subscribers', async (request, reply) => renderList(reply, await screen(deps, request, 'manage_page'), request.query));

  scope.get('/subscribers/export.csv', async (request, reply) => {
    const s = await screen(deps, request, 'manage_page');
    let csv = '';
    for await (const chunk of exportSubscribersCsv(s.ctx)) csv += chunk;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="subscribers.csv"')
      .header('cache-control', 'no-store')
      .send(csv);
  });

  scope.post('/subscribers', async (request, reply) => {
    const s = await screen(deps, request, 'manage_page');
    const body = asBody(request.body);
    return submitForm(
      reply,
      body,
      async () => {
        const created = await addSubscriber(
          s.ctx,
          {
            channel: text(body, 'channel') as Channel,
            address: text(body, 'address'),
            skipConfirmation: checked(body, 'skipConfirmation'),
          },
          deps.outbound,
        );
        return reply.code(303).redirect(`/admin/subscribers/${created.id}`);
      },
      (form, status) => renderList(reply, s, {}, { add: form }, status),
    );
  });

  scope.post('/subscribers/import', async (request, reply) => {
    const s = await screen(deps, request, 'manage_page');
    const body = asBody(request.body);
    return submitForm(
      reply,
      body,
      async () => {
        const result = await importSubscribersCsv(s.ctx, text(body, 'csv'), deps.outbound);
        return renderList(reply, s, {}, {}, 200, s.t('adminSubscribers.imported', { added: result.added, skipped: result.skipped }));
      },
      (form, status) => renderList(reply, s, {}, { import: form }, status),
      { address: 'csv' },
    );
  });

  scope.get<{ Params: { id: string } }>('/subscribers/:id', async (request, reply) => {
    const s = await screen(deps, request, 'manage_page');
    const subscriber = await getSubscriber(s.ctx, request.params.id);
    const deliveries = await listSubscriberDeliveries(s.ctx.db, subscriber.id);
    return show(reply, s, subscriber.address, 'subscribers', <SubscriberDetail s={s} subscriber={subscriber} deliveries={deliveries} />);
  });

  const act = (path: string, run: (s: Screen, id: string) => Promise<unknown>, to: (id: string) => string) =>
    scope.post<{ Params: { id: string } }>(`/subscribers/:id/${path}`, async (request, reply) => {
      const s = await screen(deps, request, 'manage_page');
      await run(s, request.params.id);
      return redirectTo(reply, to(request.params.id));
    });
  act(
    'resend',
    (s, id) => resendConfirmation(s.ctx, id),
    (id) => `/admin/subscribers/${id}`,
  );
  act(
    'reactivate',
    (s, id) => reactivateSubscriber(s.ctx, id),
    (id) => `/admin/subscribers/${id}`,
  );
  act(
    'remove',
    (s, id) => removeSubscriber(s.ctx, id),
    () => '/admin/subscribers',
  );
}
