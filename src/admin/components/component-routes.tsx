import type { AppDeps } from '../../app-deps.ts';
import type { App } from '../../http/create-app.ts';
import {
  createComponent,
  createComponentGroup,
  deleteComponent,
  holdMirroredStatus,
  listComponentsInOrder,
  releaseMirroredStatus,
  moveComponent,
  updateComponent,
  updateComponentGroup,
  isComponentStatus,
  type Component,
} from '../../modules/components/index.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import { redirectTo, screen, show, submitForm } from '../admin-screen.tsx';
import { asBody, checked, emptyForm, list, optional, text } from '../form-values.ts';
import { componentFieldPaths, componentInput, componentValues, translatableLocales, translationsInput } from './component-form.ts';
import { ComponentForm, ComponentList, ConfirmDelete, GroupForm, type SourceListing } from './component-views.tsx';
import { SourceList } from './mirror-views.tsx';
import { listSourceComponents, listSources, setSourceInterval, updateComponentKeepingOneWriter } from '../../modules/third-party/index.ts';

type Params = { Params: { id: string } };
type SourceQuery = { Querystring: { source?: string } };

async function findOne(ctx: Parameters<typeof listComponentsInOrder>[0], id: string): Promise<{ component: Component; all: Component[] }> {
  const all = await listComponentsInOrder(ctx);
  const component = all.find((c) => c.id === id);
  if (component === undefined) throw notFound('component', id);
  return { component, all };
}

/** Components and groups: list in page order, add, edit, set status, reorder, delete. */
export function registerComponentRoutes(scope: App, deps: AppDeps): void {
  // The components of the page the operator wants to mirror, read through the guarded client.
  const lookUp = async (ctx: Parameters<typeof listSourceComponents>[0], source: string | undefined): Promise<SourceListing | null> => {
    const url = source?.trim() ?? '';
    if (url === '') return null;
    return { url, ...(await listSourceComponents(ctx, deps.outbound, url)) };
  };

  scope.get('/components', async (request, reply) => {
    const s = await screen(deps, request);
    const [components, sources] = await Promise.all([listComponentsInOrder(s.ctx), listSources(s.ctx.db)]);
    return show(
      reply,
      s,
      s.t('adminComponents.title'),
      'components',
      <>
        <ComponentList s={s} components={components} />
        <SourceList s={s} sources={sources} />
      </>,
    );
  });

  scope.post('/third-party-sources/interval', async (request, reply) => {
    const s = await screen(deps, request, 'manage_components');
    const body = asBody(request.body);
    await setSourceInterval(s.ctx, { url: text(body, 'url'), intervalSeconds: Number(text(body, 'intervalSeconds')) });
    return redirectTo(reply, '/admin/components', 'interval-saved');
  });

  scope.get<SourceQuery>('/components/new', async (request, reply) => {
    const s = await screen(deps, request, 'manage_components');
    const groups = (await listComponentsInOrder(s.ctx)).filter((c) => c.isGroup);
    const source = await lookUp(s.ctx, request.query.source);
    return show(
      reply,
      s,
      s.t('adminComponents.addComponent'),
      'components',
      <ComponentForm s={s} form={emptyForm()} component={null} groups={groups} source={source} />,
    );
  });

  scope.post('/components', async (request, reply) => {
    const s = await screen(deps, request, 'manage_components');
    const body = asBody(request.body);
    return submitForm(
      reply,
      body,
      async () => {
        await createComponent(s.ctx, componentInput(body, translatableLocales(s.page), s.t));
        return redirectTo(reply, '/admin/components', 'component-created');
      },
      async (form, status) => {
        const groups = (await listComponentsInOrder(s.ctx)).filter((c) => c.isGroup);
        return show(
          reply,
          s,
          s.t('adminComponents.addComponent'),
          'components',
          <ComponentForm s={s} form={form} component={null} groups={groups} />,
          status,
        );
      },
      componentFieldPaths,
    );
  });

  scope.get<Params & SourceQuery>('/components/:id/edit', async (request, reply) => {
    const s = await screen(deps, request, 'manage_components');
    const { component, all } = await findOne(s.ctx, request.params.id);
    const source = await lookUp(s.ctx, request.query.source);
    const values = componentValues(component);
    const form = emptyForm(source === null ? values : { ...values, thirdPartySourceUrl: source.url });
    return show(
      reply,
      s,
      s.t('adminComponents.editTitle', { name: component.name }),
      'components',
      <ComponentForm s={s} form={form} component={component} groups={all.filter((c) => c.isGroup)} source={source} />,
    );
  });

  scope.post<Params>('/components/:id', async (request, reply) => {
    const s = await screen(deps, request, 'manage_components');
    const { component, all } = await findOne(s.ctx, request.params.id);
    const body = asBody(request.body);
    return submitForm(
      reply,
      body,
      async () => {
        if (component.isGroup) {
          await updateComponentGroup(s.ctx, component.id, {
            name: text(body, 'name'),
            description: optional(body, 'description'),
            showcase: checked(body, 'showcase'),
            translations: translationsInput(body, translatableLocales(s.page)),
          });
        } else {
          const input = componentInput(body, translatableLocales(s.page), s.t);
          // The status is only written when it changed, so an edit does not add a history entry.
          const { status, ...rest } = input;
          await updateComponentKeepingOneWriter(s.ctx, component.id, status === component.status ? rest : input);
        }
        return redirectTo(reply, '/admin/components', 'component-saved');
      },
      (form, status) =>
        show(
          reply,
          s,
          s.t('adminComponents.editTitle', { name: component.name }),
          'components',
          <ComponentForm s={s} form={form} component={component} groups={all.filter((c) => c.isGroup)} />,
          status,
        ),
      componentFieldPaths,
    );
  });

  scope.post<Params>('/components/:id/status', async (request, reply) => {
    const s = await screen(deps, request, 'manage_components');
    const status = text(asBody(request.body), 'status');
    if (!isComponentStatus(status))
      throw new AppError('validation_failed', s.t('adminComponents.chooseListedStatus'), [{ path: 'status', message: 'unknown status' }]);
    await updateComponent(s.ctx, request.params.id, { status });
    return redirectTo(reply, '/admin/components', 'status-changed');
  });

  scope.post<Params>('/components/:id/hold', async (request, reply) => {
    const s = await screen(deps, request, 'manage_components');
    const body = asBody(request.body);
    const status = text(body, 'status');
    const minutes = Number(text(body, 'minutes'));
    if (!isComponentStatus(status))
      throw new AppError('validation_failed', s.t('adminComponents.chooseListedStatus'), [{ path: 'status', message: 'unknown status' }]);
    await holdMirroredStatus(s.ctx, request.params.id, { status, minutes });
    return redirectTo(reply, '/admin/components', 'status-held');
  });

  scope.post<Params>('/components/:id/release', async (request, reply) => {
    const s = await screen(deps, request, 'manage_components');
    await releaseMirroredStatus(s.ctx, request.params.id);
    return redirectTo(reply, '/admin/components', 'status-released');
  });

  scope.post<Params>('/components/:id/move', async (request, reply) => {
    const s = await screen(deps, request, 'manage_components');
    await moveComponent(s.ctx, request.params.id, text(asBody(request.body), 'direction') === 'up' ? 'up' : 'down');
    return redirectTo(reply, '/admin/components', 'component-moved');
  });

  scope.get<Params>('/components/:id/delete', async (request, reply) => {
    const s = await screen(deps, request, 'manage_components');
    const { component } = await findOne(s.ctx, request.params.id);
    return show(
      reply,
      s,
      s.t('adminComponents.deleteTitle', { name: component.name }),
      'components',
      <ConfirmDelete s={s} component={component} />,
    );
  });

  scope.post<Params>('/components/:id/delete', async (request, reply) => {
    const s = await screen(deps, request, 'manage_components');
    await deleteComponent(s.ctx, request.params.id);
    return redirectTo(reply, '/admin/components', 'component-deleted');
  });

  scope.get('/groups/new', async (request, reply) => {
    const s = await screen(deps, request, 'manage_components');
    return show(
      reply,
      s,
      s.t('adminComponents.addGroup'),
      'components',
      <GroupForm s={s} form={emptyForm()} components={await listComponentsInOrder(s.ctx)} />,
    );
  });

  scope.post('/groups', async (request, reply) => {
    const s = await screen(deps, request, 'manage_components');
    const body = asBody(request.body);
    return submitForm(
      reply,
      body,
      async () => {
        await createComponentGroup(s.ctx, {
          name: text(body, 'name'),
          description: optional(body, 'description'),
          componentIds: list(body, 'componentIds'),
          showcase: checked(body, 'showcase'),
          translations: translationsInput(body, translatableLocales(s.page)),
        });
        return redirectTo(reply, '/admin/components', 'group-created');
      },
      async (form, status) =>
        show(
          reply,
          s,
          s.t('adminComponents.addGroup'),
          'components',
          <GroupForm s={s} form={form} components={await listComponentsInOrder(s.ctx)} />,
          status,
        ),
    );
  });
}
