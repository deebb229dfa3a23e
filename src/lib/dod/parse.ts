/**
 * Reads section 5's evidence (issue 14): the results table (one row per scenario and metric,
 * baseline against candidate) and the Definition of Done lines, into rows and thresholds. What
 * cannot be read is reported with its line and why, in both languages, and never guessed: a row
 * with a unit of its own, a DoD line whose direction contradicts its metric, a line with no bound.
 *
 * Pure, and linear in its input: it reads the syntax tree the analysis already has (tables) and the
 * section's source lines (the DoD list), with the word lists of src/lib/vocabulary/ and hand-written
 * scanners rather than regular expressions that could backtrack. Lines are the body's (see types.ts).
 */
import type { Table, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { codeSpan, LABEL_LINE, nodesOfType, quotedCode, TEMPLATE_NOTE, UNRESOLVED_MARKER } from '../completeness/text.ts';
import { inEveryLocale, joinList, type Localized } from '../i18n/locales.ts';
import type { Section } from '../markdown/analyse.ts';
import { DOD_LABELS, DOD_WORDS, RESULT_COLUMNS, SPREAD_SIGNS, type DodWordKind, type ResultColumnKey } from '../vocabulary/definition-of-done.ts';
import type { Metric } from '../vocabulary/metrics.ts';
import { PLACEHOLDER, placeholdersIn } from '../vocabulary/sections.ts';
import { metricsNamed } from './metric-names.ts';
import type { Measure, ResultRow, Threshold, Unreadable } from './types.ts';
import { normalise, wordGroupsIn } from './words.ts';

/** What section 5 says, before any judgement. */
export interface DodReading {
  rows: ResultRow[];
  thresholds: Threshold[];
  /** By line. */
  unreadable: Unreadable[];
  resultsTableLine?: number;
  dodLine?: number;
}

/** Reads section 5: `section(doc, 'performance')`, or undefined when the proposal has none. */
export function readDod(performance: Section | undefined): DodReading {
  const table = readResultsTable(performance);
  const dod = readThresholds(performance);
  const reading: DodReading = {
    rows: table.rows,
    thresholds: dod.thresholds,
    unreadable: [...table.unreadable, ...dod.unreadable].sort((a, b) => a.line - b.line),
  };
  if (table.line !== undefined) reading.resultsTableLine = table.line;
  if (dod.line !== undefined) reading.dodLine = dod.line;
  return reading;
}

// ---------------------------------------------------------------------------------------------
// Numbers

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isLatinLetter = (c: string | undefined) => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));

/**
 * A number at `at`: digits, thousands in groups of three (`1,200`), a decimal part. Returns where it
 * ends; undefined when there are no digits there.
 */
function scanNumber(text: string, at: number): { value: number; end: number } | undefined {
  let i = at;
  while (isDigit(text[i])) i++;
  if (i === at) return undefined;
  let digits = text.slice(at, i);
  if (i - at <= 3) {
    while (text[i] === ',' && isDigit(text[i + 1]) && isDigit(text[i + 2]) && isDigit(text[i + 3]) && !isDigit(text[i + 4])) {
      digits += text.slice(i + 1, i + 4);
      i += 4;
    }
  }
  if (text[i] === '.' && isDigit(text[i + 1])) {
    const start = ++i;
    while (isDigit(text[i])) i++;
    digits += `.${text.slice(start, i)}`;
  }
  return { value: Number(digits), end: i };
}

/** A unit as a results table writes one: `ms`, `GB/s`, `records/s`, `%`, `条/秒`. No digits, no brackets. */
const UNIT = /^[\p{L}%‰°][\p{L}\p{M}%‰°/·.\s-]{0,23}$/u;

/** The number and the unit after it: `48.2 ms`, `-3`, `72%`. */
function readQuantity(text: string, signed: boolean): { value: number; unit?: string } | undefined {
  const trimmed = text.trim();
  let at = 0;
  let sign = 1;
  if (signed && (trimmed[0] === '-' || trimmed[0] === '−')) {
    sign = -1;
    at = 1;
  }
  const number = scanNumber(trimmed, at);
  if (!number || !Number.isFinite(number.value)) return undefined;
  const unit = trimmed.slice(number.end).trim();
  if (unit !== '' && !UNIT.test(unit)) return undefined;
  return unit === '' ? { value: sign * number.value } : { value: sign * number.value, unit };
}

const sameUnit = (a: string | undefined, b: string | undefined) => (a ?? '').replace(/\s+/g, '') === (b ?? '').replace(/\s+/g, '');

export type MeasureProblem = 'not-a-number' | 'bad-spread' | 'several-spreads' | 'spread-unit';

/**
 * A value of the results table: a number with an optional unit and an optional spread, `48.2 ms ± 1.1`,
 * `48.2ms±1.1`, `48.2 ± 1.1 ms`, `1.21 GB/s`, `72%`, `1,200 records/s`, `48.2 ms +/- 1.1`.
 */
export function readMeasure(written: string): { measure: Measure } | { problem: MeasureProblem } {
  let text = written.normalize('NFKC');
  for (const sign of SPREAD_SIGNS) text = text.split(sign).join('±');
  const parts = text.split('±');
  if (parts.length > 2) return { problem: 'several-spreads' };
  const main = readQuantity(parts[0]!, true);
  if (!main) return { problem: 'not-a-number' };
  const measure: Measure = { value: main.value };
  if (main.unit !== undefined) measure.unit = main.unit;
  if (parts.length === 2) {
    const spread = readQuantity(parts[1]!, false);
    if (!spread) return { problem: 'bad-spread' };
    if (spread.unit !== undefined) {
      if (main.unit === undefined) measure.unit = spread.unit;
      else if (!sameUnit(main.unit, spread.unit)) return { problem: 'spread-unit' };
    }
    measure.spread = spread.value;
  }
  return { measure };
}

// ---------------------------------------------------------------------------------------------
// The results table

const COLUMN_NAMES = Object.fromEntries(RESULT_COLUMNS.map((c) => [c.key, c.name])) as Record<ResultColumnKey, Localized>;
const REQUIRED_COLUMNS = RESULT_COLUMNS.filter((c) => c.required).map((c) => c.key);
const HEADER_WORDS = RESULT_COLUMNS.flatMap((c) => c.headers.map((word) => ({ key: c.key as ResultColumnKey, word: normalise(word) })));

/** The column a header cell introduces: its first word, whatever follows (`基线（off）`, `Baseline (flag off)`). */
function columnOf(header: string): ResultColumnKey | undefined {
  const text = normalise(header).trim();
  return HEADER_WORDS.find(({ word }) => text.startsWith(word) && !(isLatinLetter(word[word.length - 1]) && isLatinLetter(text[word.length])))?.key;
}

/** The columns of a results table, by the index of their first cell; undefined for any other table. */
function resultColumns(table: Table): Partial<Record<ResultColumnKey, number>> | undefined {
  const header = table.children[0];
  if (!header) return undefined;
  const columns: Partial<Record<ResultColumnKey, number>> = {};
  header.children.forEach((cell, index) => {
    const key = columnOf(toString(cell));
    if (key !== undefined && columns[key] === undefined) columns[key] = index;
  });
  return REQUIRED_COLUMNS.every((key) => columns[key] !== undefined) ? columns : undefined;
}

const hasTemplateText = (text: string) => PLACEHOLDER.test(text) || UNRESOLVED_MARKER.test(text) || TEMPLATE_NOTE.test(text);

/** "the Baseline `abc`", for a reason that names a cell. */
function cellName(key: ResultColumnKey, text: string): Localized {
  return inEveryLocale((l) => (l === 'zh' ? `“${COLUMN_NAMES[key].zh}”一格（${quotedCode(text)}）` : `the ${COLUMN_NAMES[key].en} ${quotedCode(text)}`));
}

const MEASURE_PROBLEMS: Record<MeasureProblem, Localized> = {
  'not-a-number': { zh: '不是带可选单位的数值', en: 'is not a number with an optional unit' },
  'bad-spread': { zh: '的 ± 误差不是数值', en: 'has a ± spread that is not a number' },
  'several-spreads': { zh: '有不止一个 ±', en: 'has more than one ±' },
  'spread-unit': { zh: '的 ± 误差单位与数值不同', en: 'gives its ± spread in another unit than its value' },
};

const MEASURE_EXAMPLE = { zh: '应写成 `48.2 ms ± 1.1`、`1.21 GB/s` 或 `72%` 这样的形式', en: 'write it like `48.2 ms ± 1.1`, `1.21 GB/s` or `72%`' };

function rowReason(parts: Localized, fix?: Localized): Localized {
  return inEveryLocale((l) => (l === 'zh' ? `${parts.zh}${fix ? `，${fix.zh}` : ''}。` : `${capitalise(parts.en)}${fix ? `: ${fix.en}` : ''}.`));
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The metric a `指标`/`Metric` cell names, or why it names none. */
function metricOfCell(text: string): { metric: Metric } | { reason: Localized } {
  const named = metricsNamed(text, false);
  if ('ambiguous' in named) return { reason: severalMetrics(text, named.ambiguous) };
  if (named.metrics.length === 0) return { reason: unknownMetric(text) };
  return { metric: named.metrics[0]! };
}

function severalMetrics(text: string, metrics: readonly Metric[]): Localized {
  const names = inEveryLocale((l) => joinList(metrics.map((m) => m.name[l]), l));
  return {
    zh: `${quotedCode(text)} 同时指了${names.zh}，分不出是哪一个：一处只写一个指标。`,
    en: `${quotedCode(text)} names ${names.en} at once, and which one is meant cannot be told: name one metric.`,
  };
}

function unknownMetric(text: string): Localized {
  return {
    zh: `${quotedCode(text)} 不是已知的指标（如 p99、CPU、GC 暂停、吞吐、内存峰值、分配速率、磁盘 IO、写放大）。`,
    en: `${quotedCode(text)} is not a metric the catalogue knows (such as p99, CPU, GC pause, throughput, peak memory, allocation rate, disk I/O, write amplification).`,
  };
}

/** A positive whole number of runs: `5`, `5 次`, `5 runs`. */
function readRuns(text: string): number | undefined {
  const normalised = normalise(text).trim();
  const number = scanNumber(normalised, 0);
  if (!number || number.value < 1 || !Number.isSafeInteger(number.value) || normalised[number.end] === '.') return undefined;
  const rest = normalised.slice(number.end).trim();
  return ['', '次', '轮', 'run', 'runs', 'x', '×'].includes(rest) ? number.value : undefined;
}

function readRow(row: TableRow, columns: Partial<Record<ResultColumnKey, number>>): Omit<ResultRow, 'line'> | Localized {
  const cell = (key: ResultColumnKey) => {
    const index = columns[key];
    const node = index === undefined ? undefined : row.children[index];
    return node ? toString(node).trim() : '';
  };
  const present = (Object.keys(columns) as ResultColumnKey[]).filter((key) => columns[key] !== undefined);
  const empty = present.filter((key) => cell(key) === '');
  if (empty.length > 0) {
    const names = inEveryLocale((l) => joinList(empty.map((key) => (l === 'zh' ? `“${COLUMN_NAMES[key].zh}”` : COLUMN_NAMES[key].en)), l));
    return { zh: `这一行缺少${names.zh}。`, en: `The row has no ${names.en}.` };
  }
  const template = present.find((key) => hasTemplateText(cell(key)));
  if (template) {
    const name = cellName(template, cell(template));
    return { zh: `${name.zh}还是模板文字（占位符或待确认），填上实测值。`, en: `${capitalise(name.en)} is still template text (a placeholder or an open question): fill in the measured value.` };
  }
  const metric = metricOfCell(cell('metric'));
  if ('reason' in metric) return metric.reason;

  const measures: Partial<Record<'baseline' | 'candidate', Measure>> = {};
  for (const key of ['baseline', 'candidate'] as const) {
    const read = readMeasure(cell(key));
    if ('problem' in read) {
      const name = cellName(key, cell(key));
      return rowReason({ zh: `${name.zh}${MEASURE_PROBLEMS[read.problem].zh}`, en: `${name.en} ${MEASURE_PROBLEMS[read.problem].en}` }, MEASURE_EXAMPLE);
    }
    measures[key] = read.measure;
  }
  const baseline = measures.baseline!;
  const candidate = measures.candidate!;
  if (!sameUnit(baseline.unit, candidate.unit)) {
    const unit = (m: Measure) => (m.unit ? codeSpan(m.unit) : undefined);
    return {
      zh: `基线与候选的单位不同（${unit(baseline) ?? '无单位'} 对 ${unit(candidate) ?? '无单位'}），无法相比：换算成同一单位。`,
      en: `The baseline and the candidate are in different units (${unit(baseline) ?? 'none'} against ${unit(candidate) ?? 'none'}) and cannot be compared: give both in one unit.`,
    };
  }
  if (baseline.value <= 0) {
    return {
      zh: `基线 ${quotedCode(cell('baseline'))} 不大于零，算不出相对它的百分比变化。`,
      en: `The baseline ${quotedCode(cell('baseline'))} is not above zero, so no change can be given as a percentage of it.`,
    };
  }
  const result: Omit<ResultRow, 'line'> = { scenario: cell('scenario').replace(/\s+/g, ' '), metricText: cell('metric'), metric: metric.metric.id, baseline, candidate };
  if (columns.runs !== undefined) {
    const runs = readRuns(cell('runs'));
    if (runs === undefined) {
      return { zh: `次数 ${quotedCode(cell('runs'))} 不是正整数。`, en: `The run count ${quotedCode(cell('runs'))} is not a positive whole number.` };
    }
    result.runs = runs;
  }
  return result;
}

/** Every results table of the section, read row by row. */
export function readResultsTable(performance: Section | undefined): { rows: ResultRow[]; unreadable: Unreadable[]; line?: number } {
  const rows: ResultRow[] = [];
  const unreadable: Unreadable[] = [];
  let firstLine: number | undefined;
  const sourceLine = new Map((performance?.lines ?? []).map((l) => [l.line, l.text]));
  const firstOf = new Map<string, ResultRow>();
  for (const table of nodesOfType<Table>(performance, 'table')) {
    const columns = resultColumns(table);
    if (!columns) continue;
    firstLine ??= table.position?.start.line;
    for (const row of table.children.slice(1)) {
      const line = row.position?.start.line ?? table.position?.start.line ?? 1;
      const text = (sourceLine.get(line) ?? toString(row)).trim();
      const read = readRow(row, columns);
      if (!('scenario' in read)) {
        unreadable.push({ line, source: 'table', text, reason: read });
        continue;
      }
      const key = `${read.scenario}\0${read.metric}`;
      const first = firstOf.get(key);
      if (first) {
        unreadable.push({
          line,
          source: 'table',
          text,
          reason: {
            zh: `场景 ${quotedCode(read.scenario)} 的 ${quotedCode(read.metricText)} 在第 ${first.line} 行已经有一行，同一场景和指标只能有一行。`,
            en: `Scenario ${quotedCode(read.scenario)} already has a ${quotedCode(read.metricText)} row, on line ${first.line}: one row per scenario and metric.`,
          },
        });
        continue;
      }
      const result = { line, ...read };
      firstOf.set(key, result);
      rows.push(result);
    }
  }
  return firstLine === undefined ? { rows, unreadable } : { rows, unreadable, line: firstLine };
}

// ---------------------------------------------------------------------------------------------
// The Definition of Done

const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+/;
/** A line that starts with the label, after any list marker and bold: not prose that mentions "the DoD below". */
const LABEL_HEAD = /^(?:definition of done|验收阈值|dod\b)/i;
const startsWithLabel = (text: string) => LABEL_HEAD.test(text.replace(/^\s*(?:[-*+]\s+)?\**/, ''));

/**
 * The DoD list: the list items after the DoD label (`**验收阈值（Definition of Done）**`), up to the
 * next label, heading, table, rule or paragraph after the list; and the rest of the label's own line
 * when it is a list item of thresholds (`- Definition of Done: p99 down ≥ 15%`).
 */
export function dodItems(performance: Section | undefined): { line: number; items: { line: number; text: string }[] } | undefined {
  const lines = performance?.lines ?? [];
  const candidates = lines.filter(({ text }) => DOD_LABELS.some((label) => label.test(text)));
  const label = candidates.find(({ text }) => startsWithLabel(text)) ?? candidates[0];
  if (!label) return undefined;
  const items: { line: number; text: string }[] = [];

  const afterLabel = DOD_LABELS.map((l) => l.exec(label.text)).find((m) => m !== null)!;
  const rest = label.text.slice(afterLabel.index + afterLabel[0].length);
  // Only a colon right after the label (and its closing bold or bracket) starts thresholds, not one in a note.
  const colon = rest.search(/[:：]/);
  if (!LABEL_LINE.test(label.text) && colon !== -1 && trimAll(rest.slice(0, colon), ' \t*)）') === '') {
    const text = trimAll(rest.slice(colon + 1), ' \t*');
    if (text !== '') items.push({ line: label.line, text });
  }

  let current: { line: number; text: string } | undefined;
  let afterBlank = false;
  for (const { line, text } of lines.slice(lines.indexOf(label) + 1)) {
    if (text.trim() === '') {
      afterBlank = true;
      continue;
    }
    if (LABEL_LINE.test(text) || /^\s*(?:#|\||```|~~~|(?:-{3,}|\*{3,}|_{3,})\s*$)/.test(text)) break;
    const marker = LIST_ITEM.exec(text);
    if (marker) {
      current = { line, text: text.slice(marker[0].length).trim() };
      items.push(current);
    } else if (current && (!afterBlank || /^\s{2,}/.test(text))) {
      current.text += ` ${text.trim()}`;
    } else if (current) {
      break;
    }
    afterBlank = false;
  }
  return { line: label.line, items };
}

/** The text without these characters at either end; by hand, since `/[…]+$/` is quadratic on a long run of them. */
function trimAll(text: string, characters: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && characters.includes(text[start]!)) start++;
  while (end > start && characters.includes(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/** One clause of a DoD line read: the metrics it bounds, or why it cannot be read. */
export type ClauseReading = { thresholds: Pick<Threshold, 'metric' | 'kind' | 'bound'>[] } | { reason: Localized };

interface NumberInText {
  start: number;
  end: number;
  value: number;
  percent: boolean;
  /** Percentage points, not a percentage of the baseline. */
  points: boolean;
  sign?: '-' | '+' | '±';
}

const POINTS = ['percentage points', 'percentage point', 'percent points', 'percent point', '个百分点', '百分点', 'pp', 'pts', 'pt'];

/** The numbers of a (normalised) clause that stand on their own: not the `99` of `p99` nor the `1` of `S1`. */
function numbersIn(text: string): NumberInText[] {
  const numbers: NumberInText[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!isDigit(text[i])) continue;
    const before = text[i - 1];
    let end = i;
    while (isDigit(text[end]) || ((text[end] === '.' || text[end] === ',') && isDigit(text[end + 1]))) end++;
    if (isLatinLetter(before) || before === '_' || before === '.' || before === ',') {
      i = end - 1;
      continue;
    }
    let after = end;
    while (text[after] === ' ') after++;
    const points = POINTS.some((p) => text.startsWith(p, after) && !isLatinLetter(text[after + p.length]));
    const percent = !points && (text[after] === '%' || (text.startsWith('percent', after) && !isLatinLetter(text[after + 7])));
    const found: NumberInText = { start: i, end, value: Number(text.slice(i, end).replaceAll(',', '')), percent, points };
    if (before === '±') found.sign = '±';
    else if ((before === '-' || before === '−' || before === '–' || before === '+') && !isDigit(text[i - 2]) && !isLatinLetter(text[i - 2])) found.sign = before === '+' ? '+' : '-';
    numbers.push(found);
    i = end - 1;
  }
  return numbers;
}

/** Whether the number at `start` ends a range, `10–20%`, `10 to 20%`, `10~20%`. */
function endsRange(text: string, start: number): boolean {
  let k = start - 1;
  while (text[k] === ' ') k--;
  if ('-−–—~〜到至'.includes(text[k] ?? 'x')) k--;
  else if (text.slice(k - 1, k + 1) === 'to' && !isLatinLetter(text[k - 2])) k -= 2;
  else return false;
  while (text[k] === ' ') k--;
  return isDigit(text[k]);
}

const WORDS = Object.fromEntries((Object.keys(DOD_WORDS) as DodWordKind[]).map((kind) => [kind, [...DOD_WORDS[kind].zh, ...DOD_WORDS[kind].en].map(normalise)])) as Record<DodWordKind, string[]>;

type Direction = 'lower' | 'higher';
const DIRECTION_WORDS: Record<Direction, Localized> = { lower: { zh: '降低', en: 'go down' }, higher: { zh: '提升', en: 'go up' } };

const reason = (zh: string, en: string): { reason: Localized } => ({ reason: { zh, en } });

/**
 * Reads one clause of a DoD line (`延迟：p99 降低 ≥ 15%`, `No regression: throughput / peak memory no
 * worse than 2%`) into a threshold per metric it names, or says why it cannot.
 */
export function readThresholdClause(written: string): ClauseReading {
  const placeholder = placeholdersIn(written)[0];
  if (placeholder !== undefined) return reason(`还有未填的占位符 ${quotedCode(placeholder)}，填上数字。`, `It still has the placeholder ${quotedCode(placeholder)}: fill in the number.`);
  if (UNRESOLVED_MARKER.test(written)) return reason('还标着待确认（【待确认】、TBD 或 TODO）。', 'It is still marked open (TBD, TODO or 【待确认】).');
  if (TEMPLATE_NOTE.test(written)) return reason('还带着模板注释（【补】）。', 'It still carries a template note ([Template note] or 【补】).');

  let text = normalise(written);
  for (const sign of SPREAD_SIGNS) text = text.split(sign).join('±');

  const numbers = numbersIn(text);
  const bounds = numbers.filter((n) => n.percent);
  if (bounds.length === 0) {
    if (numbers.some((n) => n.points)) return reason('阈值写成了百分点：应写成相对基线的百分比，如 `≥ 15%`。', 'Its bound is in percentage points: give it as a percentage of the baseline, such as `≥ 15%`.');
    if (numbers.length > 0) return reason('数字不是百分比：阈值应写成相对基线的百分比，如 `≥ 15%`。', 'Its number is not a percentage: give the bound as a percentage of the baseline, such as `≥ 15%`.');
    return reason('没有阈值：应写出相对基线的百分比，如 `≥ 15%`。', 'It has no bound: give a percentage of the baseline, such as `≥ 15%`.');
  }
  if (bounds.length > 1) return reason(`有 ${bounds.length} 个百分比：一行（或用分号隔开的一句）只写一个阈值。`, `It has ${bounds.length} percentages: write one threshold per line, or per clause separated by “;”.`);
  const bound = bounds[0]!;
  if (!Number.isFinite(bound.value)) return reason('阈值不是有限的数。', 'Its bound is not a finite number.');
  if (endsRange(text, bound.start)) return reason('阈值写成了一个范围：写一个数，如 `≥ 15%`。', 'Its bound is a range: give one number, such as `≥ 15%`.');

  // Which metrics: those after a label (`延迟：p99 …` is the p99), else the label's (`CPU：降低 ≥ 10%`).
  const colon = text.indexOf(':');
  let named = metricsNamed(text, true);
  if (colon !== -1 && colon < bound.start) {
    const afterLabel = metricsNamed(text.slice(colon + 1), true);
    named = 'ambiguous' in afterLabel || afterLabel.metrics.length > 0 ? afterLabel : metricsNamed(text.slice(0, colon), true);
  }
  if ('ambiguous' in named) {
    const names = inEveryLocale((l) => joinList(named.ambiguous.map((m) => m.name[l]), l));
    return reason(`把${names.zh}写在了一起，分不出指的是哪一个：只写一个，或用“/”分开。`, `It names ${names.en} together, and which one is meant cannot be told: name one, or separate them with “/”.`);
  }
  const metrics = named.metrics;
  if (metrics.length === 0) {
    return reason(
      '没有写出已知的指标（如 p99、CPU、GC 暂停、吞吐、内存峰值、分配速率、磁盘 IO、写放大）。',
      'It names no metric the catalogue knows (such as p99, CPU, GC pause, throughput, peak memory, allocation rate, disk I/O, write amplification).',
    );
  }

  const has = wordGroupsIn(text, WORDS);
  const negated = has.has('noRegression') || has.has('worse');
  const atMost = has.has('atMost') || bound.sign === '±' || (has.has('over') && negated);
  const atLeast = has.has('atLeast') || (has.has('over') && !negated);
  if (atMost && atLeast) return reason('既说“至少”又说“不超过”，分不出阈值是下限还是上限。', 'It says both “at least” and “at most”, so whether the bound is a floor or a ceiling cannot be told.');
  if (atLeast && negated) return reason('既说不回退，又要求至少改善多少，前后矛盾。', 'It asks for no regression and for an improvement of at least the bound at once.');
  const kind = atMost || has.has('noRegression') ? 'no-regression' : atLeast ? 'improve' : undefined;
  if (!kind) {
    return reason(
      '没有比较词：写 `≥`、“至少”表示要改善多少，或写“不退化超过”“不超过”表示最多回退多少。',
      'It has no comparison: write `≥` or “at least” for an improvement, “no worse than” or “no regression over” for a regression allowed.',
    );
  }

  const directions = new Set<Direction>();
  if (has.has('lower') || bound.sign === '-') directions.add('lower');
  if (has.has('higher') || bound.sign === '+') directions.add('higher');
  if (directions.size > 1) return reason('既说降低又说提升，分不出要往哪个方向变。', 'It says both down and up, so the direction cannot be told.');
  const direction = [...directions][0];
  if (kind === 'improve' && !direction && !has.has('improve')) {
    return reason('没有说往哪个方向变：写“降低”“提升”或“改善”。', 'It does not say which way the metric should move: write down, up or improve.');
  }
  for (const metric of metrics) {
    if (!direction) continue;
    // An improvement goes the metric's better way; a regression allowed goes the other way.
    const expected: Direction = kind === 'improve' ? metric.better : metric.better === 'lower' ? 'higher' : 'lower';
    if (direction !== expected) {
      const better = metric.better === 'lower' ? { zh: '越低越好', en: 'lower is better' } : { zh: '越高越好', en: 'higher is better' };
      return kind === 'improve'
        ? reason(
            `要求${metric.name.zh}${DIRECTION_WORDS[direction].zh}，但${metric.name.zh}${better.zh}：方向与指标矛盾。`,
            `It asks ${metric.name.en} to ${DIRECTION_WORDS[direction].en}, but for ${metric.name.en} ${better.en}: the direction contradicts the metric.`,
          )
        : reason(
            `限定${metric.name.zh}${DIRECTION_WORDS[direction].zh}不超过多少，但${metric.name.zh}${better.zh}，这不是回退的上限：方向与指标矛盾。`,
            `It caps how far ${metric.name.en} may ${DIRECTION_WORDS[direction].en}, but for ${metric.name.en} ${better.en}, so that is no regression bound: the direction contradicts the metric.`,
          );
    }
  }
  if (kind === 'improve' && bound.value >= 100 && metrics.some((m) => m.better === 'lower')) {
    return reason('要求降低 100% 或更多，这做不到：阈值应小于 100%。', 'It asks for a fall of 100% or more, which cannot happen: the bound must be under 100%.');
  }
  return { thresholds: metrics.map((metric) => ({ metric: metric.id, kind, bound: bound.value })) };
}

/** Every DoD line of the section read into thresholds, or reported unreadable with its line. */
export function readThresholds(performance: Section | undefined): { thresholds: Threshold[]; unreadable: Unreadable[]; line?: number } {
  const block = dodItems(performance);
  const thresholds: Threshold[] = [];
  const unreadable: Unreadable[] = [];
  if (!block) return { thresholds, unreadable };
  for (const item of block.items) {
    for (const clause of item.text.split(/[;；。]/)) {
      const text = trimAll(clause, ' \t.,，、');
      if (text === '') continue;
      const read = readThresholdClause(text);
      if ('reason' in read) unreadable.push({ line: item.line, source: 'dod', text, reason: read.reason });
      else thresholds.push(...read.thresholds.map((t) => ({ line: item.line, text, ...t })));
    }
  }
  return { thresholds, unreadable, line: block.line };
}
