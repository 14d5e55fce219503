import { errorCatalog, type ErrorBody, type FieldIssue } from '@gonghui/contracts';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from './errors.js';

/** One place maps every failure to `{code, message, details, requestId}` with a Chinese message. */
export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const send = (e: AppError) => {
      const body: ErrorBody = { code: e.code, message: e.message, details: e.details, requestId: String(req.id) };
      return reply.code(errorCatalog[e.code].status).send(body);
    };
    if (err instanceof AppError) return send(err);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details: FieldIssue[] = err.validation.map((v) => ({ path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'), message: v.message ?? '格式不正确' }));
      return send(new AppError('VALIDATION_FAILED', details, `提交的内容有误：${details.map((d) => d.message).join('；')}`.slice(0, 300)));
    }
    if (err.statusCode === 429) return send(new AppError('RATE_LIMITED'));
    if (err.statusCode === 413) return send(new AppError('PAYLOAD_TOO_LARGE'));
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return send(new AppError('BAD_REQUEST', undefined, '请求格式不正确'));
    req.log.error({ err }, 'unhandled error');
    return send(new AppError('INTERNAL'));
  });
  app.setNotFoundHandler((req, reply) => {
    const body: ErrorBody = { code: 'NOT_FOUND', message: '请求的地址不存在', requestId: String(req.id) };
    reply.code(404).send(body);
  });
}
