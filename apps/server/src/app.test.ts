import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseConfig } from './config.js';
import { createTestContext, type TestContext } from './test/harness.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ rateLimits: { ...baseConfig().rateLimits, login: 3 } });
});
afterAll(async () => t?.close());

describe('the HTTP surface', () => {
  it('serves OpenAPI generated from the contracts at /docs', async () => {
    const spec = (await t.app.inject({ url: '/docs/json' })).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/orgs/{id}', '/api/audit']));
    const login = spec.paths['/api/auth/login'].post.requestBody.content['application/json'].schema;
    expect(login.required).toEqual(expect.arrayContaining(['username', 'password', 'captchaId', 'captchaAnswer']));
    const ui = await t.app.inject({ url: '/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('answers unknown API paths with the error shape', async () => {
    const r = await t.app.inject({ url: '/api/nothing-here' });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toEqual({ code: 'NOT_FOUND', message: '请求的地址不存在', requestId: expect.any(String) });
  });

  it('rate-limits login attempts per IP with a Chinese message', async () => {
    const c = t.client();
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await c.post('/api/auth/login', { username: 'x', password: 'y', captchaId: '00000000-0000-4000-8000-000000000000', captchaAnswer: 'z' })).statusCode);
    expect(codes.slice(0, 3)).toEqual([400, 400, 400]);
    expect(codes[3]).toBe(429);
    const r = await c.post('/api/auth/login', { username: 'x', password: 'y', captchaId: '00000000-0000-4000-8000-000000000000', captchaAnswer: 'z' });
    expect(r.json().code).toBe('RATE_LIMITED');
    expect(r.json().message).toContain('频繁');
  });

  it('refuses oversized bodies without reading them', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/sms-code', payload: JSON.stringify({ phone: 'x'.repeat(2_000_000) }), headers: { 'content-type': 'application/json' } });
    expect(r.statusCode).toBe(413);
    expect(r.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('redirects / to the console', async () => {
    const r = await t.app.inject({ url: '/' });
    expect(r.statusCode).toBe(302);
    expect(r.headers.location).toBe('/admin/');
  });
});
