/** Links to Apache Kafka's issue tracker, built in one place. */
export function jiraUrl(id: string): string {
  return `https://issues.apache.org/jira/browse/${id}`;
}
