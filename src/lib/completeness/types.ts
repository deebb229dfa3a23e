/**
 * The shape of a completeness rule. Each rule lives in its own file under rules/, and the one list
 * in rules/index.ts is what the badge, `npm run check` and the /rules/ page all read.
 */
import type { Localized } from '../i18n/locales.ts';
import type { AnalysedBody } from '../markdown/analyse.ts';
import type { ProposalFrontmatter } from '../schema/proposal.ts';
import type { SectionKey } from '../vocabulary/sections.ts';

/** What a rule looks at: the analysed body and, when it is valid, the frontmatter. */
export interface ProposalDocument {
  analysed: AnalysedBody;
  /** Undefined when the frontmatter is invalid or absent (the template itself, for instance). */
  data: ProposalFrontmatter | undefined;
}

export interface RuleResult {
  passed: boolean;
  /** For a failure: what is missing. For a pass: what was found. Inline Markdown, in every language. */
  message: Localized;
  /** 1-based line in the body where the finding applies. */
  line?: number;
}

export interface Rule {
  /** Stable kebab-case id, used in `npm run check` output and as the anchor on /rules/. */
  id: string;
  /** Inline Markdown, like `why` and `fix`, in every interface language. */
  title: Localized;
  /** Why the template asks for it. */
  why: Localized;
  /** What a complete answer looks like: the fix hint shown next to a failure. */
  fix: Localized;
  /** Its share of the score, relative to the other rules. */
  weight: number;
  /** The template sections it reads, for the guidance on /template/; absent for whole-document rules. */
  sections?: readonly SectionKey[];
  check: (doc: ProposalDocument) => RuleResult;
}

export const pass = (message: Localized, line?: number): RuleResult => (line === undefined ? { passed: true, message } : { passed: true, message, line });
export const fail = (message: Localized, line?: number): RuleResult => (line === undefined ? { passed: false, message } : { passed: false, message, line });
