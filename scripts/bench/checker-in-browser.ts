/**
 * /check/ in Chromium: how long the page takes to check a draft and show the result, as an author
 * sees it after a pause in typing. The page records each check's time (`data-checker-ms` on the
 * result); this pastes the draft again and again and takes the median.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { serveStatic } from './lighthouse.ts';

export interface CheckerTiming {
  ran: boolean;
  medianMs: number | null;
  note?: string;
}

export async function timeCheckerInBrowser(dist: string, draft: string, runs = 15): Promise<CheckerTiming> {
  const binary = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(binary)) return { ran: false, medianMs: null, note: `no Chromium at ${binary}` };
  const { server, origin } = await serveStatic(dist);
  const browser = await chromium.launch({ executablePath: binary, args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/check/`);
    const input = page.locator('[data-checker-input]');
    const times: number[] = [];
    for (let i = 0; i < runs + 3; i++) {
      // A different text each time, so that every run is a check of its own; the first three warm up.
      await page.locator('[data-checker-result]').evaluate((result: HTMLElement) => delete result.dataset.checkerMs);
      await input.fill(`${draft}\nrun ${i}\n`);
      await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-checker-result]')!.dataset.checkerMs !== undefined);
      const ms = Number(await page.locator('[data-checker-result]').getAttribute('data-checker-ms'));
      if (i >= 3) times.push(ms);
    }
    times.sort((a, b) => a - b);
    return { ran: true, medianMs: times[Math.floor(times.length / 2)]! };
  } finally {
    await browser.close();
    server.close();
  }
}
