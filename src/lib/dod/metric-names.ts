/**
 * Which metrics of the vocabulary a text names: a results table's `指标`/`Metric` cell, or the
 * metric part of a DoD line. The narrower reading wins where the vocabulary says one narrows
 * another ("延迟：p99" is the p99); two metrics named together that neither narrows are ambiguous,
 * and the caller reports them rather than picking one.
 */
import { LIST_SEPARATORS } from '../vocabulary/definition-of-done.ts';
import { METRICS, type Metric } from '../vocabulary/metrics.ts';
import { normalise, occurrences } from './words.ts';

/** Each metric's phrases as lists of normalised words, every one of which must be present. */
const PHRASES: readonly { metric: Metric; phrases: readonly (readonly string[])[] }[] = METRICS.map((metric: Metric) => ({
  metric,
  phrases: [...metric.words.zh, ...metric.words.en].map((phrase) => (typeof phrase === 'string' ? [phrase] : phrase).map(normalise)),
}));
const TERMS = [...new Set(PHRASES.flatMap((p) => p.phrases.flat()))];
const SEPARATORS = [...new Set([...LIST_SEPARATORS.zh, ...LIST_SEPARATORS.en].map(normalise))];

export type MetricsNamed =
  /** The metrics named, in the order the text names them; empty when it names none. */
  | { metrics: Metric[] }
  /** Metrics named together, none of which narrows the others: which one is meant cannot be told. */
  | { ambiguous: Metric[] };

/**
 * @param text as written
 * @param list whether the text may list several metrics (`吞吐/内存峰值`, `throughput and CPU`): each
 *   part between separators is then read on its own. A table cell names one.
 */
export function metricsNamed(text: string, list: boolean): MetricsNamed {
  const normalised = normalise(text);
  const hits = TERMS.flatMap((term) => occurrences(normalised, term));
  if (hits.length === 0) return { metrics: [] };

  // Parts: cut at each separator that is not inside a metric's own word (the `/` of `i/o` or `MB/s`).
  const part = new Int32Array(normalised.length + 1);
  if (list) {
    const inWord = new Uint8Array(normalised.length);
    for (const hit of hits) inWord.fill(1, hit.start, hit.end);
    const cuts = new Uint8Array(normalised.length + 1);
    for (const separator of SEPARATORS) {
      for (const s of occurrences(normalised, separator)) if (inWord[s.start] === 0) cuts[s.start] = 1;
    }
    for (let i = 0, n = 0; i <= normalised.length; i++) {
      n += cuts[i]!;
      part[i] = n;
    }
  }
  const termsByPart = new Map<number, Set<string>>();
  for (const hit of hits) {
    const p = part[hit.start]!;
    let terms = termsByPart.get(p);
    if (!terms) termsByPart.set(p, (terms = new Set()));
    terms.add(hit.word);
  }

  const metrics: Metric[] = [];
  for (const p of [...termsByPart.keys()].sort((a, b) => a - b)) {
    const terms = termsByPart.get(p)!;
    const named = PHRASES.filter(({ phrases }) => phrases.some((phrase) => phrase.every((t) => terms.has(t)))).map((p) => p.metric);
    const meant = named.filter((m) => !named.some((other) => other.narrows?.includes(m.id)));
    if (meant.length > 1) return { ambiguous: meant };
    if (meant[0] && !metrics.includes(meant[0])) metrics.push(meant[0]);
  }
  return { metrics };
}
