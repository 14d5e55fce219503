import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createTestContext, type TestContext } from '../../apps/server/src/test/harness.js';

export const artifacts = join(dirname(fileURLToPath(import.meta.url)), '../artifacts');

/** Flags for Debian's Chromium on a machine with no network but loopback. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Platform {
  t: TestContext;
  baseUrl: string;
  browser: Browser;
  newPage(viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }>;
  /** The answer to the captcha the page is showing: the journey reads the server's store, as only a test may. */
  captchaAnswer(page: Page): Promise<string>;
  /** Fills the console's login form (answering its captcha) and submits it. */
  login(page: Page, username: string, password: string): Promise<void>;
  shot(page: Page, name: string): Promise<void>;
  /** Screenshots of every open page, for a journey that failed. */
  shootAll(prefix: string): Promise<void>;
  close(): Promise<void>;
}

/** The real server on a loopback port, on its own database, with the built console, and a browser. */
export async function startPlatform(): Promise<Platform> {
  const t = await createTestContext({ rateLimits: { global: 10_000, login: 1_000, sms: 1_000 } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
  mkdirSync(artifacts, { recursive: true });
  const lastCaptcha = new WeakMap<Page, string>();
  const answered = new Set<string>();
  const pages: Page[] = [];
  const platform: Platform = {
    t,
    baseUrl,
    browser,
    async newPage(viewport = { width: 1440, height: 900 }) {
      const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const page = await context.newPage();
      pages.push(page);
      page.on('response', async (res) => {
        if (res.url().endsWith('/api/auth/captcha') && res.ok()) lastCaptcha.set(page, (await res.json()).captchaId);
      });
      page.on('pageerror', (e) => console.error('page error:', e.message));
      return { context, page };
    },
    async login(page, username, password) {
      await page.goto(`${baseUrl}/admin/`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码', { exact: true }).fill(password);
      await page.getByLabel('验证码', { exact: true }).fill(await platform.captchaAnswer(page));
      await page.getByRole('button', { name: '登录', exact: true }).click();
    },
    async captchaAnswer(page) {
      await page.getByTestId('captcha').locator('svg').waitFor();
      // Each captcha is answered once: wait for one this journey has not answered yet, so a page
      // that is still fetching its own is never answered with the previous page's.
      for (let i = 0; i < 100; i++) {
        const id = lastCaptcha.get(page);
        if (id && !answered.has(id)) {
          answered.add(id);
          return t.captchaAnswer(id);
        }
        await page.waitForTimeout(50);
      }
      throw new Error('no new captcha shown');
    },
    async shot(page, name) {
      await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
    },
    async shootAll(prefix) {
      for (const [i, page] of pages.entries()) if (!page.isClosed()) await page.screenshot({ path: join(artifacts, `${prefix}-page${i}.png`), fullPage: true }).catch(() => {});
    },
    async close() {
      await browser.close();
      await t.close();
    },
  };
  return platform;
}
