/**
 * Shows a DraftCheck in /check/'s result area, with the same badge and wording as a proposal page.
 * Everything an author wrote is quoted in messages, so every text goes in as a text node: `code` and
 * **bold** are built as elements, never parsed as HTML.
 *
 * Contract (tests rely on it): the result element carries `data-checker-score` (0–100) and
 * `data-checker-valid` (frontmatter valid); each rule not met is an element with `data-rule-id`,
 * each frontmatter error one with `data-field`.
 */
import type { DraftCheck } from '../lib/checker/check-draft.ts';
import { badgeHiddenText } from '../lib/completeness/badge.ts';
import type { Finding } from '../lib/reader/findings.ts';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** Inline Markdown as the rule texts use it: `code` and **bold**; anything else stays text. */
export function inlineText(text: string): Node[] {
  const nodes: Node[] = [];
  for (const [i, part] of text.split(/(`[^`]*`)/).entries()) {
    if (i % 2 === 1) {
      nodes.push(element('code', {}, part.slice(1, -1)));
      continue;
    }
    for (const [j, piece] of part.split(/\*\*([^*]+)\*\*/).entries()) {
      if (piece) nodes.push(j % 2 === 1 ? element('strong', {}, piece) : document.createTextNode(piece));
    }
  }
  return nodes;
}

/** A button that selects the line in the editor. */
function lineButton(line: number): HTMLButtonElement {
  return element('button', { type: 'button', class: 'line-link', 'data-line': String(line), 'aria-label': `Select line ${line} in the editor` }, `line ${line}`);
}

function findingItem(finding: Finding, attributes: Record<string, string>): HTMLLIElement {
  return element('li', attributes, element('p', { class: 'rule' }, element('code', {}, finding.id), ' · ', lineButton(finding.line)), element('p', { class: 'message' }, ...inlineText(finding.message)));
}

function section(title: string, items: HTMLLIElement[], attributes: Record<string, string>): HTMLElement {
  return element('section', attributes, element('h3', {}, title), element('ul', { role: 'list' }, ...items));
}

export function renderDraftCheck(result: HTMLElement, check: DraftCheck | undefined): void {
  const summary = result.querySelector<HTMLElement>('[data-checker-summary]')!;
  const details = result.querySelector<HTMLElement>('[data-checker-details]')!;
  if (!check) {
    result.dataset.checkerScore = '0';
    result.dataset.checkerValid = 'false';
    summary.textContent = 'Paste or open a proposal to check it.';
    details.replaceChildren();
    return;
  }
  const { completeness, level } = check;
  result.dataset.checkerScore = String(completeness.score);
  result.dataset.checkerValid = String(check.frontmatterValid);

  const errors = check.frontmatterErrors.length + check.otherErrors.length;
  summary.textContent =
    `Completeness ${completeness.score} of 100 (${level.name}): ${check.failedRules.length} of ${completeness.checks.length} rules not met.` +
    (errors === 0 ? ' The build would accept it.' : ` The build would refuse it: ${errors} error${errors > 1 ? 's' : ''}.`);

  const badge = element(
    'a',
    { class: 'completeness-badge', href: '/rules/', 'data-completeness': String(completeness.score), 'data-level': level.id, title: check.badgeLabel },
    element('span', { class: 'score' }, `${completeness.score}%`),
    element('span', { class: 'level' }, level.name),
    element('span', { class: 'visually-hidden' }, badgeHiddenText(check.failedRules.length)),
  );
  const parts: HTMLElement[] = [element('p', { class: 'badge-row' }, badge)];
  if (check.frontmatterErrors.length > 0) {
    parts.push(section('Frontmatter errors', check.frontmatterErrors.map((f) => findingItem(f, { 'data-field': f.field })), { class: 'errors', 'data-checker-frontmatter': '' }));
  }
  if (check.otherErrors.length > 0) {
    parts.push(section('Content and file-name errors', check.otherErrors.map((f) => findingItem(f, { 'data-finding-id': f.id })), { class: 'errors', 'data-checker-policy': '' }));
  }
  if (check.failedRules.length > 0) {
    parts.push(
      section(
        'Rules not met',
        check.failedRules.map((rule) =>
          element(
            'li',
            { 'data-rule-id': rule.id },
            element('p', { class: 'rule' }, element('a', { href: `/rules/#${rule.id}` }, ...inlineText(rule.title)), ...(rule.line === undefined ? [] : [' · ', lineButton(rule.line)])),
            element('p', { class: 'message' }, ...inlineText(rule.message)),
            element('p', { class: 'fix' }, element('strong', {}, 'Fix:'), ' ', ...inlineText(rule.fix)),
          ),
        ),
        { class: 'failed', 'data-checker-rules': '' },
      ),
    );
  } else parts.push(element('p', {}, 'Every rule passes: this draft fills the whole template.'));
  details.replaceChildren(...parts);
}
