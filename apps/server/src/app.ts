import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { installAccessControl } from './platform/access.js';
import type { Deps } from './platform/deps.js';
import { installErrorHandling } from './platform/http-errors.js';
import { accountsRoutes } from './modules/accounts/accounts.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authRoutes, sessionCookieName } from './modules/auth/auth.routes.js';
import { resolveSession } from './modules/auth/auth.service.js';
import { smsSimulatorRoutes } from './modules/integrations/sms/sms.routes.js';
import { inspectionsRoutes } from './modules/inspections/inspections.routes.js';
import { memberImportsRoutes, membersRoutes, registerImportWorkers, startImportPurge } from './modules/members/index.js';
import { organisationsRoutes } from './modules/organisations/organisations.routes.js';
import { orgLifecycleRoutes, registerOrgReviewSubjects } from './modules/organisations/index.js';
import { reviewsRoutes, startOverdueFlagging } from './modules/reviews/index.js';
import { applicationsRoutes, registerTransferReviews, transfersRoutes } from './modules/transfers/index.js';
import { memberAppRoutes, registerMemberAppReviews } from './modules/member-app/index.js';
import { mutualAidRoutes, registerMutualAidReviews } from './modules/mutual-aid/index.js';
import { registerBenefitReviews } from './modules/benefits/activity-review-subject.js';
import { benefitsRoutes } from './modules/benefits/benefits.routes.js';
import { startCouponExpiry } from './modules/benefits/expiry.service.js';
import { memberBenefitsRoutes } from './modules/benefits/member-benefits.routes.js';
import { merchantAppRoutes } from './modules/benefits/merchant-app.routes.js';
import { startIdempotencyPurge } from './platform/idempotency.js';

/** The whole HTTP application; tests call `inject` on it, main.ts listens. */
export async function buildApp(deps: Deps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: deps.config.logLevel,
      ...(deps.config.logStream ? { stream: deps.config.logStream } : {}),
      // Personal data stays out of logs: no bodies are logged, and these headers are masked.
      redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
      // Paths only: a query string may carry a document number or phone (searches), and logs keep none.
      serializers: {
        req: (req: { method?: string; url?: string; ip?: string }) => ({ method: req.method, url: req.url?.split('?')[0], remoteAddress: req.ip }),
      },
    },
    genReqId: () => randomUUID(),
    bodyLimit: 1_048_576,
    trustProxy: false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  await app.register(cookie);
  // Security headers (CSP, HSTS, …): the same on every answer, so worked out once by helmet and
  // handed to each reply (@fastify/helmet rebuilt helmet's middleware, CSP directives included,
  // on every request: a few per cent of a welfare claim's CPU).
  const securityHeaders = headersOf(helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd writes its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: deps.config.cookieSecure ? [] : null,
      },
    },
    hsts: { maxAge: 31_536_000, includeSubDomains: true },
    crossOriginEmbedderPolicy: false,
  }));
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(securityHeaders);
    done();
  });
  await app.register(rateLimit, {
    global: true,
    max: deps.config.rateLimits.global,
    timeWindow: '1 minute',
    errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, message: `操作过于频繁，请${Math.ceil(ctx.ttl / 1000)}秒后再试` }),
  });
  // Uploads: one file per request, capped; the service enforces the same cap while storing.
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 4, parts: 5, headerPairs: 50 } });
  await app.register(swagger, {
    openapi: { info: { title: '工会网上工作平台 API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  const cookieName = sessionCookieName(deps);
  installAccessControl(app, (token) => resolveSession(deps, token), cookieName);

  authRoutes(app, deps);
  organisationsRoutes(app, deps);
  orgLifecycleRoutes(app, deps);
  registerOrgReviewSubjects();
  accountsRoutes(app, deps);
  auditRoutes(app, deps);
  membersRoutes(app, deps);
  memberImportsRoutes(app, deps);
  inspectionsRoutes(app, deps);
  reviewsRoutes(app, deps);
  transfersRoutes(app, deps);
  applicationsRoutes(app, deps);
  registerTransferReviews();
  memberAppRoutes(app, deps);
  registerMemberAppReviews();
  mutualAidRoutes(app, deps);
  registerMutualAidReviews();
  benefitsRoutes(app, deps);
  registerBenefitReviews();
  memberBenefitsRoutes(app, deps);
  merchantAppRoutes(app, deps);
  smsSimulatorRoutes(app, deps);

  await registerImportWorkers(deps);
  const purge = startImportPurge(deps);
  const overdue = startOverdueFlagging(deps);
  const idempotencyPurge = startIdempotencyPurge(deps.db, deps.now);
  // E-coupons that ran out while the server was down expire before it takes requests.
  const expiry = startCouponExpiry(deps);
  await expiry.startup;
  app.addHook('onClose', async () => {
    purge.stop();
    overdue.stop();
    idempotencyPurge.stop();
    expiry.stop();
  });

  app.get('/healthz', async () => ({ ok: true }));
  if (existsSync(deps.config.adminDist)) {
    await app.register(fastifyStatic, { root: deps.config.adminDist, prefix: '/admin/', index: 'index.html', wildcard: false });
    // Client-side routes under /admin/ all load the console's index.html.
    app.get('/admin/*', { config: { access: 'public' } }, (_req, reply) => reply.sendFile('index.html'));
  }
  // The member app (apps/mobile), built next to the console; its client-side routes load its index.html.
  const mobileDist = join(dirname(deps.config.adminDist), '../mobile/dist');
  if (existsSync(mobileDist)) {
    await app.register(fastifyStatic, { root: mobileDist, prefix: '/member/', index: 'index.html', wildcard: false, decorateReply: !app.hasReplyDecorator('sendFile') });
    app.get('/member', { config: { access: 'public' } }, (_req, reply) => reply.redirect('/member/'));
    app.get('/member/*', { config: { access: 'public' } }, (_req, reply) => reply.sendFile('index.html', mobileDist));
  }
  // The merchant app (商家核销), built from apps/mobile too, under /merchant/.
  const merchantDist = join(dirname(deps.config.adminDist), '../mobile/dist-merchant');
  if (existsSync(merchantDist)) {
    await app.register(fastifyStatic, { root: merchantDist, prefix: '/merchant/', index: 'index.html', wildcard: false, decorateReply: !app.hasReplyDecorator('sendFile') });
    app.get('/merchant', { config: { access: 'public' } }, (_req, reply) => reply.redirect('/merchant/'));
    app.get('/merchant/*', { config: { access: 'public' } }, (_req, reply) => reply.sendFile('index.html', merchantDist));
  }
  app.get('/', (_req, reply) => reply.redirect('/admin/'));
  return app;
}

/** The headers a helmet middleware sets (it sets the same ones on every response). */
function headersOf(middleware: ReturnType<typeof helmet>): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  middleware({} as IncomingMessage, res as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return headers;
}
