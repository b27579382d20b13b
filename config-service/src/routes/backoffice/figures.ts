import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../deps.ts';

/**
 * `/api/v1/backoffice/tenants/:slug/figures…` for officers and analysts (issue 14): counts, hot times,
 * hotspots and their CSV, never revealing an individual. The rules are in `http/staff-access.ts`.
 */
export function figuresRoutes(_deps: AppDeps) {
  return new Hono<AppEnv>();
}

/** `/api/v1/backoffice/platform/figures`: the platform operator's national overview, per municipality. */
export function platformFiguresRoutes(_deps: AppDeps) {
  return new Hono<AppEnv>();
}
