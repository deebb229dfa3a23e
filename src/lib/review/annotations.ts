/**
 * `npm run check -- --format github`: every finding as a GitHub Actions workflow command, so that a
 * pull request shows it on its line of the diff (eipw-action and markdownlint-cli2-action do the same).
 *
 * Errors stop the build (schema, content policy, file) or the policy (`--min-score`); a rule not
 * met is a warning. GitHub shows at most 10 annotations of each kind per step, so the most
 * important come first: errors in file order, then rules not met by the share of the score they
 * cost. What is past the cap is still printed, as plain lines, and the last line says how many.
 */
import type { Locale } from '../i18n/locales.ts';
import { translator } from '../i18n/translate.ts';
import type { ReviewEntry } from './entry.ts';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface Annotation {
  level: AnnotationLevel;
  file: string;
  line: number;
  /** The rule or finding id: `frontmatter.status`, `content.html`, `summary-complete`, `policy`. */
  title: string;
  message: string;
}

/** GitHub shows this many annotations of each level from one step, and drops the rest. */
export const ANNOTATIONS_SHOWN_PER_LEVEL = 10;

/**
 * A command's message, escaped as @actions/core does (`escapeData`): a `%` or a line break would
 * otherwise end or corrupt the command.
 */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** A command's property value (`file=…`, `title=…`), where `:` and `,` also end the value (`escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** `::error file=a.md,line=3,title=frontmatter.status::found "Drafted"; expected …` */
export function workflowCommand({ level, file, line, title, message }: Annotation): string {
  return `::${level} file=${escapeProperty(file)},line=${line},title=${escapeProperty(title)}::${escapeData(message)}`;
}

/** Every finding of these entries, most important first (see the module's comment). */
export function annotationsOf(entries: readonly ReviewEntry[], locale: Locale): Annotation[] {
  const t = translator(locale);
  const errors: Annotation[] = [];
  const warnings: (Annotation & { weight: number })[] = [];
  for (const entry of entries) {
    for (const f of entry.errors) errors.push({ level: 'error', file: f.file, line: f.line, title: f.id, message: f.message[locale] });
    if (entry.belowMinScore !== undefined && entry.completeness) {
      errors.push({
        level: 'error',
        file: entry.file,
        line: 1,
        title: 'policy',
        message: t('review.belowMinScore', { score: entry.completeness.score, min: entry.belowMinScore }),
      });
    }
    for (const rule of entry.completeness?.notMet ?? []) {
      warnings.push({ level: 'warning', file: entry.file, line: rule.line, title: rule.id, message: rule.message[locale], weight: rule.weight });
    }
  }
  const inFileOrder = (a: Annotation, b: Annotation) => a.file.localeCompare(b.file) || a.line - b.line || a.title.localeCompare(b.title);
  errors.sort(inFileOrder);
  warnings.sort((a, b) => b.weight - a.weight || inFileOrder(a, b));
  return [...errors, ...warnings.map(({ weight: _, ...annotation }) => annotation)];
}

/**
 * The lines `--format github` prints: up to the cap of each level as workflow commands, then the
 * rest as `file:line id message`, then a notice with how many were not annotated.
 */
export function githubOutput(annotations: readonly Annotation[], locale: Locale, cap: number = ANNOTATIONS_SHOWN_PER_LEVEL): string[] {
  const t = translator(locale);
  const shown = new Map<AnnotationLevel, number>();
  const commands: string[] = [];
  const rest: Annotation[] = [];
  for (const annotation of annotations) {
    const count = shown.get(annotation.level) ?? 0;
    if (count < cap) {
      commands.push(workflowCommand(annotation));
      shown.set(annotation.level, count + 1);
    } else {
      rest.push(annotation);
    }
  }
  if (rest.length === 0) return commands;
  const errors = rest.filter((a) => a.level === 'error').length;
  // About the step, not a line: a notice without a file.
  const notice = `::notice title=${escapeProperty(t('review.notAnnotatedTitle'))}::${escapeData(t('review.notAnnotated', { errors, warnings: rest.length - errors, cap }))}`;
  // One line each: a line break in a message must not start a line GitHub would read as a command.
  return [...commands, ...rest.map((a) => `${a.file}:${a.line} ${a.title} ${a.message}`.replace(/[\r\n]+/g, ' ')), notice];
}
