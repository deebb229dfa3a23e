import type { Page } from '@playwright/test';

/**
 * Every alert, confirm or prompt a page opens, dismissed and recorded with the page it came from: a
 * test of contributed content expects this list to stay empty, since a dialog means script ran.
 */
export function recordDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(`${page.url()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  return dialogs;
}
