/** Links to Apache Kafka's trackers, built in one place. */
export const KIP_INDEX_URL = 'https://cwiki.apache.org/confluence/display/KAFKA/Kafka+Improvement+Proposals';

export function jiraUrl(id: string): string {
  return `https://issues.apache.org/jira/browse/${id}`;
}
