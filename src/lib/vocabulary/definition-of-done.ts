/**
 * How section 5 reports results and thresholds (issue 14): the results table's columns and the
 * words of a Definition of Done line, in both languages. The parser (src/lib/dod/parse.ts) reads
 * these lists and the metric vocabulary (metrics.ts) and nothing else; /template/ and the README
 * document the same words.
 *
 * Words are matched as metrics.ts describes: case-insensitively after NFKC normalisation, a Latin
 * word standing alone, a Chinese one anywhere; a longer phrase is taken before the shorter one it
 * contains (`不超过` before `超过`, `no more than` before `more than`). A bare `>` or `<` is not a
 * comparison: lines may hold `<br>` or an arrow `->`.
 */
import type { Localized } from '../i18n/locales.ts';

export type ResultColumnKey = 'scenario' | 'metric' | 'baseline' | 'candidate' | 'runs';

export interface ResultColumn {
  readonly key: ResultColumnKey;
  /** What the template calls it: the header to write. */
  readonly name: Localized;
  /** Header words that introduce the column; a header may say more after them (`基线（off）`). */
  readonly headers: readonly string[];
  readonly required: boolean;
}

/** The results table's columns, in the order the documentation shows them; a table may order them as it likes. */
export const RESULT_COLUMNS = [
  { key: 'scenario', name: { zh: '场景', en: 'Scenario' }, headers: ['场景', 'scenario', 'scenarios'], required: true },
  { key: 'metric', name: { zh: '指标', en: 'Metric' }, headers: ['指标', 'metric', 'metrics'], required: true },
  { key: 'baseline', name: { zh: '基线', en: 'Baseline' }, headers: ['基线', 'baseline'], required: true },
  { key: 'candidate', name: { zh: '候选', en: 'Candidate' }, headers: ['候选', 'candidate'], required: true },
  { key: 'runs', name: { zh: '次数', en: 'Runs' }, headers: ['次数', '运行次数', 'runs'], required: false },
] as const satisfies readonly ResultColumn[];

/** The label that starts the DoD block, as the template writes it: `**验收阈值（Definition of Done）**`. */
export const DOD_LABELS: readonly RegExp[] = [/Definition of Done/i, /验收阈值/, /\bDoD\b/];

/** The separator between a value and its spread: `48.2 ms ± 1.1`, `48.2 ms +/- 1.1`. */
export const SPREAD_SIGNS = ['±', '+/-', '+-'] as const;

/**
 * The words of a DoD line, by what they say. A line needs a bound (`15%`), a metric, and enough of
 * these to say whether it asks for an improvement or for no regression, and in which direction.
 */
export const DOD_WORDS = {
  /** The metric must not get worse: `无回归：…`, `No regression: …`. */
  noRegression: {
    zh: ['无回归', '不回归', '无退化', '不退化', '无回退', '不回退', '不劣化', '无劣化'],
    en: ['no regression', 'no regressions', 'without regression', 'without regressions', 'no worse', 'not worse', 'must not regress', 'does not regress', 'do not regress'],
  },
  /** A change for the worse, whatever the metric: `吞吐退化不超过 2%`. */
  worse: {
    zh: ['退化', '回退', '劣化', '变差', '回归'],
    en: ['regression', 'regress', 'regresses', 'worse'],
  },
  /** The bound is a floor on the improvement: `≥ 15%`, `at least 10%`, `−15% or better`. */
  atLeast: {
    zh: ['至少', '不少于', '不低于', '不小于', '或以上', '及以上', '以上', '或更多', '或更好', '或更优'],
    en: ['≥', '>=', '⩾', 'at least', 'or more', 'or better', 'or greater', 'no less than', 'not less than', 'no lower than'],
  },
  /** The bound is a ceiling on the change: `不超过 2%`, `within ±3%`, `≤ 2%`. */
  atMost: {
    zh: ['不超过', '不高于', '不大于', '不多于', '以内', '之内'],
    en: ['≤', '<=', '⩽', 'at most', 'no more than', 'not more than', 'no higher than', 'within', 'no worse than', 'not worse than'],
  },
  /**
   * "More than": a ceiling after a no-regression word (`不退化超过 2%`, `no regression over 2%`), a
   * floor otherwise (`降低超过 15%`).
   */
  over: {
    zh: ['超过', '大于', '高于', '多于'],
    en: ['over', 'more than', 'above', 'exceed', 'exceeds', 'exceeding', 'greater than', 'in excess of'],
  },
  /** The metric goes down. */
  lower: {
    zh: ['降低', '下降', '减少', '缩短', '减小', '降幅', '减半'],
    en: ['down', 'lower', 'lowered', 'reduce', 'reduced', 'reduces', 'reduction', 'decrease', 'decreased', 'decreases', 'drop', 'drops', 'cut', 'fall', 'falls', 'shrinks'],
  },
  /** The metric goes up. */
  higher: {
    zh: ['提升', '提高', '增加', '上升', '增长', '升高', '上涨', '增幅'],
    en: ['up', 'higher', 'raise', 'raised', 'increase', 'increased', 'increases', 'rise', 'rises', 'grow', 'grows', 'gain'],
  },
  /** The metric gets better, whichever way that is for it. */
  improve: {
    zh: ['改善', '改进', '优化'],
    en: ['improve', 'improved', 'improves', 'improvement'],
  },
} as const satisfies Record<string, Localized<readonly string[]>>;

export type DodWordKind = keyof typeof DOD_WORDS;

/**
 * What separates the metrics a line lists (`吞吐/磁盘写放大/内存峰值`, `throughput, CPU and GC`), and
 * a DoD line's label from the rest (`延迟：…`). Metrics in different parts do not narrow each other.
 */
export const LIST_SEPARATORS = {
  zh: ['、', '和', '与', '及', '以及', '或'],
  en: ['/', ',', ';', ':', '&', 'and', 'or', 'as well as'],
} as const satisfies Localized<readonly string[]>;
