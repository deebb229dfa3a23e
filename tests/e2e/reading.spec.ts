/**
 * Reading and finding (issue 22), at a phone's size and a laptop's: nothing scrolls sideways but a
 * region meant to, a proposal's own text comes before what the build found about it, the language
 * switch keeps the address's query and fragment, and a printout is the page's content on white.
 */
import { expect, test, type Page } from '@playwright/test';
import { proposals } from './catalogue.ts';
import { LANGUAGES, PAGE_KINDS } from './i18n.ts';

const SCREENS = [
  { width: 390, height: 844 },
  { width: 1366, height: 900 },
];

/** A proposal with a results table: its chart and verdict table are what overflowed on phones. */
const charted = proposals.find((p) => p.dod.verdicts.length > 0)!;

/** Every box on the page that is wider than it shows and can scroll, or that pushes past its own box. */
function overflowing(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')}`;
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) found.push(`the document: ${doc.scrollWidth} > ${doc.clientWidth}`);
    // A chart or the DoD table fits its box: no sideways scrolling, no part past the edge.
    for (const el of document.querySelectorAll('[data-dod-chart] figure, [data-dod-chart] svg, [data-dod-verdicts], [data-dod-results]')) {
      const box = el.getBoundingClientRect();
      const parent = el.parentElement!.getBoundingClientRect();
      if (el.scrollWidth > el.clientWidth + 1 || box.right > parent.right + 1) found.push(`${describe(el)}: ${Math.round(box.width)} in ${Math.round(parent.width)}`);
    }
    return found;
  });
}

for (const screen of SCREENS) {
  test.describe(`at ${screen.width} × ${screen.height}`, () => {
    test.use({ viewport: screen });

    for (const { locale, path } of LANGUAGES) {
      test(`no page in ${locale} overflows sideways, nor does any chart or verdict table`, async ({ page }) => {
        const pages = [...PAGE_KINDS, `/proposals/${charted.id}/`];
        const found: Record<string, string[]> = {};
        for (const kind of new Set(pages)) {
          await page.goto(path(kind));
          const boxes = await overflowing(page);
          if (boxes.length > 0) found[kind] = boxes;
        }
        expect(found).toEqual({});
      });
    }

    test('a wide table in a proposal scrolls in its own focusable, named region', async ({ page }) => {
      let tables = 0;
      for (const proposal of proposals) {
        await page.goto(`/proposals/${proposal.id}/`);
        const regions = await page.locator('.prose table').evaluateAll((list) =>
          list.map((table) => {
            const region = table.parentElement!;
            return { role: region.getAttribute('role'), tabindex: region.getAttribute('tabindex'), name: region.getAttribute('aria-label') ?? '', scrolls: getComputedStyle(region).overflowX };
          }),
        );
        tables += regions.length;
        for (const region of regions) {
          expect(region, proposal.id).toMatchObject({ role: 'region', tabindex: '0', scrolls: 'auto' });
          expect(region.name.length, proposal.id).toBeGreaterThan(0);
        }
      }
      expect(tables, 'the samples have tables in their bodies').toBeGreaterThan(0);
    });

    test('a proposal page starts with its title, status line and summary; the DoD, completeness and metadata follow its body', async ({ page }) => {
      await page.goto(`/proposals/${charted.id}/`);
      const top = async (selector: string) => (await page.locator(selector).first().boundingBox())!.y;
      const summary = await top('.prose h2');
      expect(await top('article.proposal h1')).toBeLessThan(await top('[data-status-line]'));
      expect(await top('[data-status-line]')).toBeLessThan(summary);
      for (const after of ['#details-heading', '#completeness-heading', '#dod-heading']) expect(await top(after), after).toBeGreaterThan(summary);
      // The author's own text starts on the first screen (a retrospective opens with a paragraph before its summary).
      expect(await top('.prose > *')).toBeLessThan(screen.height);
      // Each section the page adds is in the table of contents.
      const toc = page.locator('nav.toc').filter({ visible: true });
      for (const id of ['details-heading', 'completeness-heading', 'dod-heading']) await expect(toc.locator(`a[href="#${id}"]`)).toHaveCount(1);
    });
  });
}

for (const { locale, t, path } of LANGUAGES) {
  const other = LANGUAGES.find((l) => l.locale !== locale)!;

  test(`the language switch from ${locale} keeps the search's query and the page's fragment`, async ({ page }) => {
    await page.goto(path('/search/?q=fetch'));
    await page.locator('[data-language-switch] a').click();
    await expect(page).toHaveURL(`${other.path('/search/')}?q=fetch`);
    await expect(page.getByLabel(other.t('search.label'), { exact: true })).toHaveValue('fetch');

    await page.goto(path(`/proposals/${charted.id}/#dod-heading`));
    await page.locator('[data-language-switch] a').click();
    await expect(page).toHaveURL(`${other.path(`/proposals/${charted.id}/`)}#dod-heading`);
    // Without a query or fragment, the switch leads to the page itself, as its link says.
    await page.goto(path('/proposals/'));
    await page.locator('[data-language-switch] a').click();
    await expect(page).toHaveURL(other.path('/proposals/'));
    expect(t('search.label')).not.toBe(other.t('search.label'));
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`a printout in the ${scheme} theme is the page's content on white, without the header, and with the links' addresses`, async ({ page }) => {
    await page.emulateMedia({ media: 'print', colorScheme: scheme });
    await page.goto(`/proposals/${charted.id}/`);
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('.site-footer')).toBeHidden();
    await expect(page.locator('nav.toc').filter({ visible: true })).toHaveCount(0);
    await expect(page.locator('article.proposal h1')).toBeVisible();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(Math.min(r!, g!, b!), background).toBeGreaterThan(240);
    const outside = page.locator('main .prose a[href^="https://"]').first();
    const href = (await outside.getAttribute('href'))!;
    expect(await outside.evaluate((a) => getComputedStyle(a, '::after').content)).toContain(href);
  });
}

test('without REPOSITORY_URL a proposal names its source file, and links nowhere for it', async ({ page }) => {
  for (const proposal of proposals) {
    await page.goto(`/proposals/${proposal.id}/`);
    await expect(page.locator('[data-source-file]')).toHaveText(proposal.file);
    await expect(page.locator('[data-source-file] a')).toHaveCount(0);
  }
});

test('a proposal page tells link previews what it is: Open Graph and Twitter tags from the proposal', async ({ page }) => {
  await page.goto(`/en/proposals/${charted.id}/`);
  const meta = (selector: string) => page.locator(`head meta[${selector}]`).getAttribute('content');
  expect(await meta('property="og:type"')).toBe('article');
  expect(await meta('property="og:title"')).toBe(charted.title);
  expect(await meta('name="twitter:title"')).toBe(charted.title);
  expect(await meta('name="twitter:card"')).toBe('summary');
  expect(new URL((await meta('property="og:url"'))!).pathname).toBe(`/en/proposals/${charted.id}/`);
  expect(await meta('property="article:modified_time"')).toBe(charted.updated);
  expect(await meta('property="og:description"')).toBe(await meta('name="description"'));
  expect(await meta('property="og:locale"')).toBe('en');
});

test('each section heading of a proposal has a permalink beside it, named by the heading', async ({ page }) => {
  await page.goto(`/proposals/${charted.id}/`);
  const headings = page.locator('.prose .heading-wrapper > h2');
  expect(await headings.count()).toBeGreaterThan(5);
  for (const heading of await headings.all()) {
    const id = (await heading.getAttribute('id'))!;
    const anchor = heading.locator('xpath=following-sibling::a[1]');
    await expect(anchor).toHaveAttribute('href', `#${id}`);
    await expect(anchor).toHaveAccessibleName((await heading.textContent())!.trim());
  }
  await page.locator('.prose .heading-anchor').nth(2).click();
  await expect(page).toHaveURL(new RegExp(`#${encodeURIComponent((await headings.nth(2).getAttribute('id'))!)}$`));
});

test('on screen, the header, the footer and the table of contents are there', async ({ page }) => {
  await page.emulateMedia({ media: 'screen' });
  await page.goto(`/proposals/${charted.id}/`);
  await expect(page.locator('.site-header')).toBeVisible();
  await expect(page.locator('.site-footer')).toBeVisible();
  await expect(page.locator('nav.toc').filter({ visible: true })).toHaveCount(1);
});
