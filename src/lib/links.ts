/** Links to Apache Kafka's issue tracker, wiki and source, built in one place. */
import { knownKip } from './vocabulary/kafka-references.ts';

export function jiraUrl(id: string): string {
  return `https://issues.apache.org/jira/browse/${id}`;
}

/** Apache's list of every KIP, with its state: where a KIP without a known page is found. */
export const KIP_INDEX_URL = 'https://cwiki.apache.org/confluence/display/KAFKA/Kafka+Improvement+Proposals';

/**
 * A KIP's page when its exact title is known (src/lib/vocabulary/kafka-references.ts), else the
 * KIP index. Confluence addresses a page by space and title, the title encoded as a URL component
 * with its spaces as `+`: `KIP-390: Support Compression Level` is `KIP-390%3A+Support+Compression+Level`.
 */
export function kipUrl(number: number): string {
  const kip = knownKip(number);
  if (!kip?.verified) return KIP_INDEX_URL;
  return `https://cwiki.apache.org/confluence/display/KAFKA/${encodeURIComponent(kip.wikiPageTitle).replace(/%20/g, '+')}`;
}

/**
 * A code search of apache/kafka for a class name or a source path. A search rather than a file
 * link: classes and files move between modules and languages (several Scala classes in core/ are
 * now Java under storage/ and server/), and a bare term matches file paths as well as contents.
 */
export function kafkaCodeSearchUrl(term: string): string {
  return `https://github.com/search?q=${encodeURIComponent(`repo:apache/kafka ${term}`).replace(/%20/g, '+')}&type=code`;
}

/**
 * A code search for a method in its class's file, `Class#method`: the file is named by its class,
 * whatever module and language it is in now (`path:/(^|\/)ReplicaManager\.(java|scala)$/`, GitHub's
 * regular expression on the path), and the search finds the method's name in it.
 */
export function kafkaMethodSearchUrl(className: string, method: string): string {
  return kafkaCodeSearchUrl(`path:/(^|\\/)${className}\\.(java|scala)$/ ${method}`);
}

/** A file of this project where REPOSITORY_URL browses it: `src/content/proposals/x.md` appended, each part encoded. */
export function sourceFileUrl(repositoryUrl: string, file: string): string {
  return `${repositoryUrl}/${file.split('/').map(encodeURIComponent).join('/')}`;
}
