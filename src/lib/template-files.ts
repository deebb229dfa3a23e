/** Where the template lives: once, in each language. The raw files on the site, `npm run new` and the tests read these. */
import type { LanguageId } from './vocabulary/languages.ts';

export const TEMPLATE_FILES: Record<LanguageId, string> = {
  zh: 'src/templates/proposal-template.zh.md',
  en: 'src/templates/proposal-template.en.md',
};

/** Where each template is served raw. */
export const TEMPLATE_URLS: Record<LanguageId, string> = {
  zh: '/template.zh.md',
  en: '/template.en.md',
};
