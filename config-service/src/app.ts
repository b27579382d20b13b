import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import type { AppDeps, AppEnv } from './deps.ts';
import { databaseUnavailableReason } from './db/unavailable.ts';
import { DomainError } from './errors/domain-error.ts';
import { ProblemError, problemOf, problemResponse, problems } from './http/problem.ts';
import { RequestLog } from './http/request-log.ts';
import { securityHeaders } from './http/security-headers.ts';
import { closeAfterUnreadBody } from './http/unread-body.ts';
import { ownOriginOnly } from './http/own-origin.ts';
import { staffAccess } from './http/staff-access.ts';
import { demoSignInRoutes } from './routes/auth/demo.ts';
import { invitationRoutes as acceptInvitationRoutes } from './routes/auth/invitation.ts';
import { passkeyRoutes } from './routes/auth/passkeys.ts';
import { sessionRoutes } from './routes/auth/session.ts';
import { ssoSignInRoutes } from './routes/auth/sso.ts';
import { platformAuditRoutes, tenantAuditRoutes } from './routes/console/audit.ts';
import { invitationRoutes } from './routes/console/invitations.ts';
import { memberRoutes } from './routes/console/members.ts';
import { municipalityRoutes } from './routes/console/municipalities.ts';
import { ssoSettingsRoutes } from './routes/console/sso.ts';
import { configRoutes } from './routes/console/config.ts';
import { privateSettingsRoutes } from './routes/console/settings.ts';
import { consoleTenantRoutes } from './routes/console/tenants.ts';
import { SignInLimiter } from './staff/sign-in-limiter.ts';
import { healthRoutes, readyRoutes } from './routes/public/health.ts';
import { openApiRoutes } from './routes/public/openapi.ts';
import { receiverPreviewRoutes } from './routes/public/receiver-preview.ts';
import { reportRoutes } from './routes/public/reports.ts';
import { tenantConfigRoutes } from './routes/public/tenant-config.ts';
import { devMailRoutes } from './routes/dev/mail.ts';
import { consoleRoutes, demoSiteRoutes, widgetRoutes } from './routes/static.ts';
// Issue 13: the logo upload, the hosted reporting page and its QR code.
import { logoUploadRoutes } from './routes/console/logo.ts';
import { hostedPageRoutes } from './routes/public/hosted-page.ts';
import { logoRoutes } from './routes/public/logos.ts';
import { qrRoutes } from './routes/public/qr.ts';
// Issue 14: the back office.
import { backofficeReportRoutes } from './routes/backoffice/reports.ts';
import { figuresRoutes, platformFiguresRoutes } from './routes/backoffice/figures.ts';
// Issue 15: anonymous follow-up by receipt code.
import { GuessLimiter } from './follow-up/guess-limiter.ts';
import { followUpRoutes } from './routes/public/follow-up.ts';
// Issue 16: metrics of report intake.
import { countReportOutcomes } from './http/report-outcomes.ts';
// Issue 16: proof of work.
import { challengeRoutes } from './routes/public/challenge.ts';

export type { AppDeps } from './deps.ts';

/** Builds the HTTP app from its dependencies; `server.ts` only listens. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.use(closeAfterUnreadBody);
  // Our own id, never the client's: a client-chosen id could smuggle data into the logs.
  app.use(requestId({ generator: () => crypto.randomUUID(), headerName: '' }));
  app.use(async (c, next) => {
    const started = performance.now();
    // `c.get`, not `c.var`: `c.var` copies every variable into a new object on each read.
    const requestId = c.get('requestId');
    c.set('log', new RequestLog(deps.logger, requestId));
    // Before `next()`: headers set later would make Hono rebuild the response (a slow path).
    c.header('X-Request-Id', requestId);
    await next();
    // Successful reads (config, widget files: every page view of every municipal site) at debug
    // level; writes and every error at info. Route pattern, not the raw URL: no query strings or
    // stray input in the logs.
    const status = c.res.status;
    const level = (c.req.method === 'GET' || c.req.method === 'HEAD') && status < 400 ? 'debug' : 'info';
    if (!deps.logger.isLevelEnabled(level)) return;
    deps.logger[level](
      {
        requestId,
        method: c.req.method,
        route: c.req.routePath,
        status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });
  app.use(securityHeaders());

  app.route('/api/v1/tenants', tenantConfigRoutes(deps));
  app.post('/api/v1/tenants/:slug/reports', countReportOutcomes);
  app.route('/api/v1/tenants', reportRoutes(deps));
  // Issue 16: the proof-of-work challenge a report carries solved.
  app.route('/api/v1/tenants', challengeRoutes(deps));
  app.route('/api/v1/tenants', receiverPreviewRoutes(deps));
  // Issue 15: the reporter's follow-up by receipt code; failed look-ups counted in the database (issue 16).
  app.route('/api/v1/tenants', followUpRoutes(deps, deps.guessLimiter ?? new GuessLimiter(deps)));
  // Issue 16: liveness (the process answers) and readiness (started, database answering) apart.
  app.route('/api/v1/health', healthRoutes(deps));
  app.route('/api/v1/ready', readyRoutes(deps));
  app.route('/api/v1/openapi.json', openApiRoutes());
  // Issue 13: logos (served), the hosted reporting page and its QR code: public, in every mode.
  app.route('/api/v1/logos', logoRoutes(deps));
  app.route('/api/v1/tenants', qrRoutes(deps));
  app.route('/', hostedPageRoutes(deps));

  // Staff: changes only from our own origin, then the one access check (rules in http/staff-access.ts).
  for (const prefix of ['/api/v1/auth/*', '/api/v1/console/*', '/api/v1/backoffice/*']) {
    app.use(prefix, ownOriginOnly(deps.publicOrigin), staffAccess(deps));
  }
  app.route('/api/v1/auth', sessionRoutes(deps));
  // One count of failed sign-ins, whatever way in was tried, shared by instances (in the database).
  const signInLimiter = deps.signInLimiter ?? new SignInLimiter(deps);
  // Demo mode only: the one-click demo sign-in does not exist elsewhere (404).
  if (deps.demoSignIn) app.route('/api/v1/auth/demo', demoSignInRoutes(deps, signInLimiter));
  app.route('/api/v1/auth/invitation', acceptInvitationRoutes(deps));
  app.route('/api/v1/auth/passkeys', passkeyRoutes(deps, signInLimiter));
  app.route('/api/v1/auth/sso', ssoSignInRoutes(deps, signInLimiter));
  app.route('/api/v1/console/tenants', consoleTenantRoutes(deps));
  app.route('/api/v1/console/tenants', memberRoutes(deps));
  app.route('/api/v1/console/tenants', invitationRoutes(deps));
  app.route('/api/v1/console/tenants', tenantAuditRoutes(deps));
  app.route('/api/v1/console/tenants', ssoSettingsRoutes(deps));
  // Configuration console: draft, publish, versions, restore (routes/console/config.ts).
  app.route('/api/v1/console/tenants', configRoutes(deps));
  // Issue 13: private settings and the test delivery.
  app.route('/api/v1/console/tenants', privateSettingsRoutes(deps));
  app.route('/api/v1/console/platform/audit', platformAuditRoutes(deps));
  app.route('/api/v1/console/municipalities', municipalityRoutes(deps));
  // Issue 13: the logo upload.
  app.route('/api/v1/console/tenants', logoUploadRoutes(deps));
  // Issue 14: the back office — officers' reports, figures, the national overview.
  app.route('/api/v1/backoffice/tenants', backofficeReportRoutes(deps));
  app.route('/api/v1/backoffice/tenants', figuresRoutes(deps));
  app.route('/api/v1/backoffice/platform/figures', platformFiguresRoutes(deps));
  // Demo mode only: server.ts creates a dev mailbox (without SMTP_URL) and passes the demo site only then.
  if (deps.devMailbox) app.route('/dev/mail', devMailRoutes(deps.devMailbox));
  if (deps.widgetDir) app.route('/', widgetRoutes(deps.widgetDir));
  if (deps.consoleDir) app.route('/', consoleRoutes(deps.consoleDir));
  if (deps.demoSite) app.route('/', demoSiteRoutes(deps.demoSite));

  app.notFound((c) =>
    problemResponse(c, { type: 'https://meldpunt.dev/problems/not-found', title: 'Not found', status: 404 }),
  );

  app.onError((error, c) => {
    if (error instanceof DomainError) {
      const problem = problemOf(error);
      return problemResponse(c, problem.problem, { Vary: 'Origin', ...problem.headers });
    }
    if (error instanceof ProblemError) {
      return problemResponse(c, error.problem, { Vary: 'Origin', ...error.headers });
    }
    if (error instanceof HTTPException && error.status < 500) {
      const title = error.status === 400 ? 'The request body is not valid JSON' : error.message || 'Bad request';
      return problemResponse(c, {
        type: `https://meldpunt.dev/problems/${error.status === 400 ? 'malformed-json' : 'bad-request'}`,
        title,
        status: error.status,
      });
    }
    const unavailable = databaseUnavailableReason(error);
    if (unavailable) {
      c.get('log')?.warn({ reason: unavailable }, 'database unavailable');
      const problem = problems.databaseUnavailable(c.req.method);
      return problemResponse(c, problem.problem, { Vary: 'Origin', ...problem.headers });
    }
    // Unexpected: log the kind and where, never the message's data (SQL errors may quote values).
    const e = error as { name?: string; code?: string; stack?: string };
    c.get('log')?.error(
      {
        err: {
          name: e.name,
          code: e.code,
          at: e.stack
            ?.split('\n')
            .slice(1, 6)
            .map((l) => l.trim()),
        },
      },
      'unhandled error',
    );
    return problemResponse(c, {
      type: 'https://meldpunt.dev/problems/internal',
      title: 'Something went wrong on our side',
      status: 500,
      detail: 'Your report was not lost if you still see it: please try again. In an emergency, call 112.',
      correlationId: c.get('requestId'),
    });
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
