/** Site-wide links and the main navigation, read by the layout. Their words are in the dictionaries (src/lib/i18n/translations/). */
import type { UiKey } from './i18n/translate.ts';

export const SITE = {
  repository: 'https://github.com/apache/kafka',
} as const;

/** Paths as the default language serves them; the layout puts them in the reader's language. */
export const NAVIGATION = [
  { href: '/proposals/', label: 'nav.proposals' },
  { href: '/components/', label: 'nav.components' },
  { href: '/status/', label: 'nav.status' },
  { href: '/template/', label: 'nav.template' },
  { href: '/check/', label: 'nav.check' },
  { href: '/rules/', label: 'nav.rules' },
] as const satisfies readonly { href: string; label: UiKey }[];
