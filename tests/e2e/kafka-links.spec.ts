/**
 * Kafka references in a proposal body are links on its page (src/lib/markdown/kafka-links.ts), in
 * every interface language, and never inside its code blocks.
 */
import { expect, test } from '@playwright/test';
import { jiraUrl, kafkaMethodSearchUrl, kipUrl } from '../../src/lib/links.ts';
import { proposals } from './catalogue.ts';
import { LANGUAGES } from './i18n.ts';

/** A sample that names KIP-390 in its prose, KAFKA-14633 in its change log, classes as `Class#method`, and has a code block. */
const sample = proposals.find((p) => p.id === '2025-08-25-kafka-14633-decompression-buffer-reuse')!;

for (const { locale, path } of LANGUAGES) {
  test(`in ${locale}, a proposal's KIPs, JIRA issues and Class#method are links, and its code blocks have none`, async ({ page }) => {
    expect(sample, 'the sample proposal').toBeDefined();
    await page.goto(path(`/proposals/${sample.id}/`));
    const body = page.locator('article .prose');

    // Written as plain text: "3.8.0 起这些 `wrapForInput` 随 KIP-390 搬到…".
    const kip = body.locator('a.kafka-ref[data-kafka-ref="kip"]', { hasText: /^KIP-390$/ });
    await expect(kip.first()).toHaveAttribute('href', kipUrl(390));
    expect(kipUrl(390)).toBe('https://cwiki.apache.org/confluence/display/KAFKA/KIP-390%3A+Support+Compression+Level');

    // "按模板整理 KAFKA-14633" in the change log; the author's own [KAFKA-14633](…) links stay single links.
    const jira = body.locator('a.kafka-ref[data-kafka-ref="jira"]', { hasText: /^KAFKA-14633$/ });
    await expect(jira.first()).toHaveAttribute('href', jiraUrl('KAFKA-14633'));

    // Inline code that is one Class#method is a link around the code.
    const method = body.locator('a.kafka-ref[data-kafka-ref="class"]', { has: page.locator('code', { hasText: /^KafkaApis#handleProduceRequest$/ }) });
    await expect(method.first()).toHaveAttribute('href', kafkaMethodSearchUrl('KafkaApis', 'handleProduceRequest'));

    await expect(body.locator('pre').first()).toBeVisible();
    await expect(body.locator('pre a')).toHaveCount(0);
    await expect(body.locator('a a')).toHaveCount(0);
    // Every link the site made goes to Apache's wiki or JIRA, or to a search of apache/kafka.
    const hrefs = await body.locator('a.kafka-ref').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(10);
    for (const href of hrefs) expect(href).toMatch(/^https:\/\/(cwiki\.apache\.org\/confluence\/display\/KAFKA\/|issues\.apache\.org\/jira\/browse\/KAFKA-|github\.com\/search\?q=repo%3Aapache%2Fkafka\+)/);
  });
}
