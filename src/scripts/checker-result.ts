/**
 * Shows a DraftCheck in /check/'s result area, with the same badge and wording as a proposal page.
 * Everything an author wrote is quoted in messages, so every text goes in as a text node: `code` and
 * **bold** are built as elements, never parsed as HTML.
 *
 * Contract (tests rely on it): the result element carries `data-checker-score` (0–100) and
 * `data-checker-valid` (frontmatter valid); each rule not met is an element with `data-rule-id`,
 * each frontmatter error one with `data-field`.
 *
 * Rule texts and findings carry every language; the page's is shown, worded with the strings the
 * page gave its script (CHECKER_STRINGS).
 */
import type { DraftCheck } from '../lib/checker/check-draft.ts';
import { BADGE_STRINGS, badgeHiddenText, badgeLabel } from '../lib/completeness/badge.ts';
import { getLocale } from '../lib/i18n/locales.ts';
import type { ScriptLanguage } from '../lib/i18n/messages.ts';
import { localePath } from '../lib/i18n/routes.ts';
import { inlineNodes, textLanguages, type InlineNode, type TextLanguages } from '../lib/markdown/inline-runs.ts';
import type { Finding } from '../lib/reader/findings.ts';

/** The interface strings the result needs, for the page to pass to its script. */
export const CHECKER_STRINGS = [
  ...BADGE_STRINGS,
  'check.empty',
  'check.summaryAccepted',
  'check.summaryRefused',
  'check.line',
  'check.selectLine',
  'check.frontmatterErrors',
  'check.otherErrors',
  'check.rulesNotMet',
  'check.fix',
  'check.allPass',
] as const;

/** How the result is worded: the page's language and its `t`. */
export type CheckerView = ScriptLanguage;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** Inline Markdown as the rule texts and findings use it, as elements and text nodes, with their `lang`s (inlineNodes). */
export function inlineText(text: string, languages: TextLanguages = {}): Node[] {
  const build = (nodes: readonly InlineNode[]): Node[] =>
    nodes.map((node) => (node.type === 'text' ? document.createTextNode(node.value) : element(node.tagName, node.lang === undefined ? {} : { lang: node.lang }, ...build(node.children))));
  return build(inlineNodes(text, languages));
}

/** A button that selects the line in the editor. */
function lineButton(line: number, { t }: CheckerView): HTMLButtonElement {
  return element('button', { type: 'button', class: 'line-link', 'data-line': String(line), 'aria-label': t('check.selectLine', { line }) }, t('check.line', { line }));
}

function findingItem(finding: Finding, attributes: Record<string, string>, view: CheckerView, languages: TextLanguages): HTMLLIElement {
  return element(
    'li',
    attributes,
    element('p', { class: 'rule' }, element('code', {}, finding.id), ' · ', lineButton(finding.line, view)),
    element('p', { class: 'message' }, ...inlineText(finding.message[view.locale], languages)),
  );
}

function section(title: string, items: HTMLLIElement[], attributes: Record<string, string>): HTMLElement {
  return element('section', attributes, element('h3', {}, title), element('ul', { role: 'list' }, ...items));
}

export function renderDraftCheck(result: HTMLElement, check: DraftCheck | undefined, view: CheckerView): void {
  const { locale, t } = view;
  const summary = result.querySelector<HTMLElement>('[data-checker-summary]')!;
  const details = result.querySelector<HTMLElement>('[data-checker-details]')!;
  if (!check) {
    result.dataset.checkerScore = '0';
    result.dataset.checkerValid = 'false';
    summary.textContent = t('check.empty');
    details.replaceChildren();
    return;
  }
  const { completeness, level } = check;
  const languages = textLanguages(getLocale(locale).htmlLang, check.quoteLang);
  const levelName = level.name[locale];
  const rulesUrl = localePath(locale, '/rules/');
  result.dataset.checkerScore = String(completeness.score);
  result.dataset.checkerValid = String(check.frontmatterValid);

  const errors = check.frontmatterErrors.length + check.otherErrors.length;
  const figures = { score: completeness.score, level: levelName, failed: check.failedRules.length, total: completeness.checks.length };
  summary.textContent = errors === 0 ? t('check.summaryAccepted', figures) : t('check.summaryRefused', { ...figures, count: errors });

  const badge = element(
    'a',
    { class: 'completeness-badge', href: rulesUrl, 'data-completeness': String(completeness.score), 'data-level': level.id, title: badgeLabel(t, completeness, levelName) },
    element('span', { class: 'score' }, `${completeness.score}%`),
    element('span', { class: 'level' }, levelName),
    element('span', { class: 'visually-hidden' }, badgeHiddenText(t, check.failedRules.length)),
  );
  const parts: HTMLElement[] = [element('p', { class: 'badge-row' }, badge)];
  if (check.frontmatterErrors.length > 0) {
    parts.push(
      section(t('check.frontmatterErrors'), check.frontmatterErrors.map((f) => findingItem(f, { 'data-field': f.field }, view, languages)), { class: 'errors', 'data-checker-frontmatter': '' }),
    );
  }
  if (check.otherErrors.length > 0) {
    parts.push(section(t('check.otherErrors'), check.otherErrors.map((f) => findingItem(f, { 'data-finding-id': f.id }, view, languages)), { class: 'errors', 'data-checker-policy': '' }));
  }
  if (check.failedRules.length > 0) {
    parts.push(
      section(
        t('check.rulesNotMet'),
        check.failedRules.map((rule) =>
          element(
            'li',
            { 'data-rule-id': rule.id },
            element(
              'p',
              { class: 'rule' },
              element('a', { href: `${rulesUrl}#${rule.id}` }, ...inlineText(rule.title[locale], languages)),
              ...(rule.line === undefined ? [] : [' · ', lineButton(rule.line, view)]),
            ),
            element('p', { class: 'message' }, ...inlineText(rule.message[locale], languages)),
            element('p', { class: 'fix' }, element('strong', {}, t('check.fix')), ' ', ...inlineText(rule.fix[locale], languages)),
          ),
        ),
        { class: 'failed', 'data-checker-rules': '' },
      ),
    );
  } else parts.push(element('p', {}, t('check.allPass')));
  details.replaceChildren(...parts);
}
