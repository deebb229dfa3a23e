/**
 * Scores a proposal against the completeness rules: the weighted share of passed rules, 0–100,
 * and for each rule whether it passed, what it found, and the line in the file it points at.
 */
import { inEveryLocale, type Localized } from '../i18n/locales.ts';
import { analyseBody, type AnalysedBody } from '../markdown/analyse.ts';
import type { ProposalFrontmatter } from '../schema/proposal.ts';
import { levelFor, type CompletenessLevelId } from './levels.ts';
import { RULES } from './rules/index.ts';
import type { Rule } from './types.ts';

export interface CompletenessCheck {
  id: string;
  passed: boolean;
  /**
   * What the rule found, as inline Markdown in every interface language: `{ zh, en }`. A plain
   * object of two strings, since checks are kept as JSON and cloned between worker threads.
   */
  message: Localized;
  /** 1-based line in the proposal file. */
  line?: number;
}

export interface Completeness {
  score: number;
  level: CompletenessLevelId;
  checks: CompletenessCheck[];
}

export interface AssessInput {
  /** The body as `analyseBody` reads it. */
  analysed: AnalysedBody;
  /** The file line on which the body starts, so findings point into the file. */
  bodyStartLine?: number;
  data?: ProposalFrontmatter | undefined;
}

export function assessCompleteness({ analysed, bodyStartLine = 1, data }: AssessInput, rules: readonly Rule[] = RULES): Completeness {
  const doc = { analysed, data };
  const checks = rules.map((rule): CompletenessCheck => {
    const result = rule.check(doc);
    // A fresh plain object holding only the languages' strings, whatever the rule returned.
    const check: CompletenessCheck = { id: rule.id, passed: result.passed, message: inEveryLocale((locale) => result.message[locale]) };
    // A failure always points somewhere: where it applies, or else the start of the body.
    const line = result.line ?? (result.passed ? undefined : 1);
    if (line !== undefined) check.line = line + bodyStartLine - 1;
    return check;
  });
  const total = rules.reduce((sum, r) => sum + r.weight, 0);
  const earned = rules.reduce((sum, r, i) => sum + (checks[i]!.passed ? r.weight : 0), 0);
  // Floor, so that 100 means every rule passed and never a rounding of 99.6.
  const score = total === 0 ? 0 : Math.floor((100 * earned) / total);
  return { score, level: levelFor(score).id, checks };
}

/** The same, from the body's text: for callers that have not analysed it already (the catalogue has). */
export function assessSource({ body, bodyStartLine, data }: { body: string; bodyStartLine: number; data?: ProposalFrontmatter | undefined }): Completeness {
  return assessCompleteness({ analysed: analyseBody(body), bodyStartLine, data });
}
