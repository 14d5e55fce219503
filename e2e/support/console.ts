import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Platform } from './platform.js';

/** Helpers for journeys through the console's antd forms and tables. */

export const minute = 60_000;

/** A date-time as the console's pickers take it (YYYY-MM-DD HH:mm): the browser runs in Asia/Shanghai, so China time. */
export function fmt(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const c = new Date(d.getTime() + 8 * 3600_000);
  return `${c.getUTCFullYear()}-${pad(c.getUTCMonth() + 1)}-${pad(c.getUTCDate())} ${pad(c.getUTCHours())}:${pad(c.getUTCMinutes())}`;
}

/** The first whole minute at or after `ms` (pickers take minutes, not seconds). */
export const atMinute = (ms: number) => new Date(Math.ceil(ms / minute) * minute);

/** A screenshot (`p.shot`) once antd's messages and antd-mobile's toasts have gone. */
export async function quietShot(p: Platform, page: Page, name: string) {
  await page.locator('.ant-message-notice, .adm-toast-mask').first().waitFor({ state: 'hidden' }).catch(() => {});
  await p.shot(page, name);
}

/**
 * Types a date-time range into an antd RangePicker (start, end), confirming each with its 确定;
 * a field the picker did not take (typed while it was still opening) is typed again.
 */
export async function fillRange(page: Page, scope: Locator, from: string, to: string) {
  const inputs = scope.locator('.ant-picker-input input');
  const ok = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden) .ant-picker-ok button');
  for (const [i, value] of [from, to].entries()) {
    await expect
      .poll(async () => {
        await inputs.nth(i).click();
        await inputs.nth(i).fill(value);
        // 确定 is enabled once the picker has parsed the typed value; then it commits it.
        if (!(await ok.isEnabled().catch(() => false))) return 'not taken';
        await ok.click();
        return inputs.nth(i).inputValue();
      })
      .toBe(value);
  }
  await expect.poll(() => ok.isVisible()).toBe(false);
  await expect.poll(async () => [await inputs.nth(0).inputValue(), await inputs.nth(1).inputValue()]).toEqual([from, to]);
}

/** Picks an option of an antd Select by its text. */
export async function pick(page: Page, select: Locator, text: string) {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
}
