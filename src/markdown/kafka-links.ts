/**
 * A Sätteri hast plugin: Kafka references in a proposal body become links. What is a reference,
 * where it is linked and the link itself are decided in src/lib/markdown/kafka-links.ts, which
 * planKafkaLinks applies to a whole tree in the same way.
 *
 * It visits text nodes and inline code one by one rather than walk the tree: Sätteri hands a
 * visitor only the nodes it asks for, and most text holds no reference, so a proposal costs a
 * fraction of a millisecond more to render. A text or code is linked only when it is not inside a
 * link or code, which takes a few steps up from it, and only once it is known to hold a reference.
 * It runs after Shiki has highlighted code blocks and before the sanitiser, which keeps these links
 * (src/lib/reader/sanitize.ts).
 */
import { defineHastPlugin } from 'satteri';
import { insideUnlinkedElement, kafkaLinkElement, linkKafkaReferencesInText, wholeKafkaReference } from '../lib/markdown/kafka-links.ts';

export const kafkaLinks = defineHastPlugin({
  name: 'kafka-links',
  text(node, ctx) {
    const replacement = linkKafkaReferencesInText(node.value);
    if (replacement && !insideUnlinkedElement(node, (n) => ctx.parent(n))) ctx.replaceNode(node, replacement);
  },
  element: {
    filter: ['code'],
    visit(node, ctx) {
      // A code block's <code> is under its <pre>, so it is never linked, whatever it holds.
      const reference = wholeKafkaReference(ctx.textContent(node));
      if (reference && !insideUnlinkedElement(node, (n) => ctx.parent(n))) ctx.wrapNode(node, kafkaLinkElement(reference, []));
    },
  },
});
