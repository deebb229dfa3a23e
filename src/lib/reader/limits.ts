/**
 * Limits on a proposal's size and shape, checked before anything parses it. The Markdown parser
 * (micromark) takes time that grows with the square of some constructs: 100,000 `[` and as many `]`
 * take minutes, 50,000 nested `>` overflow the stack. A pull request must not be able to hang or crash
 * the build that checks it, so what no proposal needs is refused up front. A filled template is about
 * 10,000 characters, its longest paragraph a few hundred, its deepest quote 1, its deepest list 3.
 */
import type { PolicyFinding } from './content-policy.ts';

/** The largest proposal read, in characters. */
export const MAX_PROPOSAL_CHARS = 256 * 1024;
/**
 * The longest paragraph, in characters: a run of lines without a blank one, outside fenced code.
 * A list item or a table row starts a new run, since the parser reads each one's text on its own:
 * a long list of short items is an ordinary references section, not a hazard.
 */
export const MAX_PARAGRAPH_CHARS = 10_000;
/** The deepest block quote. */
export const MAX_QUOTE_DEPTH = 16;
/** The deepest indentation outside fenced code, in columns: lists nested about 50 deep. */
export const MAX_INDENT = 200;

const FENCE_OPEN = /^ {0,3}(`{3,})[^`]*$|^ {0,3}(~{3,})/;
/** A line that starts a list item or a table row, each its own run of inline text. */
const BLOCK_START = /^[ \t>]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|^[ \t>]*\|/;

/** Checks a body's shape; an empty list means it is safe to parse. Lines are the body's. */
export function checkLimits(body: string): PolicyFinding[] {
  const findings: PolicyFinding[] = [];
  const lines = body.split('\n');
  /** While inside fenced code: the line that closes it. */
  let fenceClose: RegExp | undefined;
  let paragraphStart = 0;
  let paragraphChars = 0;
  let reportedParagraph = false;
  // One finding per kind of excess: the first line that shows it is the one to fix.
  let reportedQuote = false;
  let reportedIndent = false;
  lines.forEach((line, index) => {
    if (fenceClose !== undefined) {
      if (fenceClose.test(line)) fenceClose = undefined;
      return;
    }
    const open = FENCE_OPEN.exec(line);
    if (open) {
      const fence = (open[1] ?? open[2])!;
      fenceClose = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
      paragraphChars = 0;
      return;
    }
    const depth = /^[ \t>]*/.exec(line)![0].split('>').length - 1;
    if (depth > MAX_QUOTE_DEPTH && !reportedQuote) {
      reportedQuote = true;
      findings.push({
        id: 'content.limits',
        line: index + 1,
        message: { zh: `引用块嵌套了 ${depth} 层；应不超过 ${MAX_QUOTE_DEPTH} 层`, en: `found a block quote nested ${depth} deep; expected at most ${MAX_QUOTE_DEPTH}` },
      });
    }
    const indent = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;
    if (indent > MAX_INDENT && !reportedIndent) {
      reportedIndent = true;
      findings.push({
        id: 'content.limits',
        line: index + 1,
        message: {
          zh: `有一行缩进了 ${indent} 列；围栏代码块之外应不超过 ${MAX_INDENT} 列（减少列表嵌套层数）`,
          en: `found a line indented ${indent} columns; expected at most ${MAX_INDENT} outside fenced code (lists nested less deeply)`,
        },
      });
    }
    if (line.trim() === '') {
      paragraphChars = 0;
      reportedParagraph = false;
      return;
    }
    if (BLOCK_START.test(line)) {
      paragraphChars = 0;
      reportedParagraph = false;
    }
    if (paragraphChars === 0) paragraphStart = index + 1;
    paragraphChars += line.length + 1;
    if (paragraphChars > MAX_PARAGRAPH_CHARS && !reportedParagraph) {
      reportedParagraph = true;
      findings.push({
        id: 'content.limits',
        line: paragraphStart,
        message: {
          zh: `有一段超过 ${MAX_PARAGRAPH_CHARS} 个字符且中间没有空行；段落应更短（用空行拆开）`,
          en: `found a paragraph of more than ${MAX_PARAGRAPH_CHARS} characters without a blank line; expected shorter paragraphs (split it with blank lines)`,
        },
      });
    }
  });
  return findings;
}
