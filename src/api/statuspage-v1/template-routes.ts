import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';

/** Incident templates: wired once the templates module exists. */
export function registerTemplateRoutes(_scope: FastifyInstance, _deps: AppDeps): void {}
