/** Site-wide names and the main navigation, read by the layout and the pages. */
export const SITE = {
  title: 'Kafka Broker Proposals',
  description: 'A catalogue of proposals to optimise or enhance the Apache Kafka broker, each written in one fixed template.',
  repository: 'https://github.com/apache/kafka',
} as const;

export const NAVIGATION = [
  { href: '/proposals/', label: 'Proposals' },
  { href: '/components/', label: 'Components' },
  { href: '/status/', label: 'Status' },
  { href: '/template/', label: 'Template' },
  { href: '/check/', label: 'Check' },
  { href: '/rules/', label: 'Rules' },
] as const;
