import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';

/** Uptime figures: wired once the uptime module exists. */
export function registerUptimeRoutes(_scope: FastifyInstance, _deps: AppDeps): void {}
