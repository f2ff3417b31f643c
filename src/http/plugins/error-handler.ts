// Turns every failure into {error:{code,message,details}} with a fitting status; hides internals on 5xx.
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from '../../errors.js';

const FASTIFY_CODES: Record<string, [number, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_json'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'validation_failed'],
};

/** Installs the error and not-found handlers. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    if (err instanceof AppError) {
      return reply.code(err.status).send({ error: { code: err.code, message: err.message, details: err.details ?? {} } });
    }
    if (err.validation) {
      const first = err.validation[0];
      const field = (first?.instancePath || '').replace(/^\//, '').replace(/\//g, '.') || String(first?.params?.missingProperty ?? '');
      return reply.code(400).send({
        error: {
          code: 'validation_failed', message: `${err.validationContext ?? 'request'}${field ? `.${field}` : ''} ${first?.message ?? 'is invalid'}`,
          details: { issues: err.validation.map((v) => ({ path: v.instancePath, message: v.message, params: v.params })) },
        },
      });
    }
    const known = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (known) return reply.code(known[0]).send({ error: { code: known[1], message: err.message, details: {} } });
    if (err.statusCode === 429) return reply.code(429).send({ error: { code: 'rate_limited', message: err.message, details: {} } });
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send({ error: { code: 'bad_request', message: err.message, details: {} } });
    }
    request.log.error({ err }, 'request failed');
    return reply.code(500).send({ error: { code: 'internal', message: 'internal error; the server log has the details', details: {} } });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ error: { code: 'not_found', message: `no route for ${request.method} ${request.url.split('?')[0]}`, details: {} } });
  });
}
