/**
 * The browser checker's verdict on a draft: the one reader (the same frontmatter schema, content
 * policy and completeness rules as the build and `npm run check`), arranged the way /check/ shows
 * it. Pure: it runs in the page, bundled, and in the unit tests.
 *
 * Every text in it is in every interface language (`{ zh, en }`: error and rule messages, rule
 * titles and fixes, the level's name), so the page shows the draft's verdict in its own language and
 * the verdict does not depend on it. The badge's sentence is the page's to word, with its own `t`.
 */
import type { Localized } from '../i18n/locales.ts';
import type { Completeness, CompletenessCheck } from '../completeness/assess.ts';
import { badgeLevel } from '../completeness/badge.ts';
import type { CompletenessLevel } from '../completeness/levels.ts';
import { RULES } from '../completeness/rules/index.ts';
import type { Finding } from '../reader/findings.ts';
import { prepareToRead, readProposal } from '../reader/read-proposal.ts';
import { isCalendarDate } from '../schema/proposal.ts';
import { newProposalFileName, slugify } from '../template.ts';
import { getLanguage, LANGUAGE_IDS } from '../vocabulary/languages.ts';

/** The name a pasted draft is read under: a valid id, so the file-name rule has nothing to say. */
export const DRAFT_FILE_NAME = 'draft.md';

export interface FailedRule extends CompletenessCheck {
  title: Localized;
  fix: Localized;
}

export interface DraftCheck {
  completeness: Completeness;
  level: CompletenessLevel;
  /** No frontmatter error (the content policy and the file name are reported apart). */
  frontmatterValid: boolean;
  /** Errors in the frontmatter block or a field: `field` names it. Each `message` is `{ zh, en }`. */
  frontmatterErrors: Finding[];
  /** What the content policy refuses in the body, and a file name that is not an id. */
  otherErrors: Finding[];
  /** Each completeness rule not met, with its title, line and fix, in the rules' order. */
  failedRules: FailedRule[];
  passedRules: number;
  /** What `npm run new` would name this proposal: `<created>-<slug of the title>.md`. */
  suggestedFileName: string;
  /** The `lang` of the draft's words that findings quote: its `lang` field, if it names a language. */
  quoteLang: string | undefined;
}

const RULE_BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

/**
 * Resolves once a draft of this name can be checked: an `.mdx` one needs the MDX parser, which the
 * page loads only then (it is most of the checker's weight, and few drafts are MDX).
 */
export const prepareToCheck: (fileName: string) => Promise<void> = prepareToRead;

/**
 * @param text the draft, as pasted or opened
 * @param fileName the opened file's name, when there is one: its name is checked too
 * @param today YYYY-MM-DD, for a file name when the draft has no valid `created` date
 */
export function checkDraft(text: string, fileName: string = DRAFT_FILE_NAME, today: string = new Date().toISOString().slice(0, 10)): DraftCheck {
  const proposal = readProposal(fileName, fileName, text);
  const frontmatterErrors = proposal.errors.filter((e) => e.field !== 'body' && e.field !== 'file');
  const otherErrors = proposal.errors.filter((e) => e.field === 'body' || e.field === 'file');
  const { completeness } = proposal;
  const failedRules = completeness.checks
    .filter((c) => !c.passed)
    .map((c) => {
      const rule = RULE_BY_ID.get(c.id)!;
      return { ...c, title: rule.title, fix: rule.fix };
    });

  const created = proposal.data?.created ?? (typeof proposal.raw.created === 'string' && isCalendarDate(proposal.raw.created) ? proposal.raw.created : today);
  const title = proposal.data?.title ?? (typeof proposal.raw.title === 'string' ? proposal.raw.title : '');
  const lang = proposal.data?.lang ?? LANGUAGE_IDS.find((id) => id === proposal.raw.lang);
  return {
    completeness,
    level: badgeLevel(completeness),
    frontmatterValid: frontmatterErrors.length === 0,
    frontmatterErrors,
    otherErrors,
    failedRules,
    passedRules: completeness.checks.length - failedRules.length,
    suggestedFileName: newProposalFileName(created, slugify(title) || 'proposal'),
    quoteLang: lang === undefined ? undefined : getLanguage(lang).htmlLang,
  };
}
