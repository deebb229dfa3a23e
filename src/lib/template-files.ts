/** Where the template lives: once, in each language. The raw files on the site, `npm run new` and the tests read these. */
import { sitePath } from './i18n/routes.ts';
import type { LanguageId } from './vocabulary/languages.ts';

export const TEMPLATE_FILES: Record<LanguageId, string> = {
  zh: 'src/templates/proposal-template.zh.md',
  en: 'src/templates/proposal-template.en.md',
};

/** The name of each raw template file on the site (src/pages/template.[lang].md.ts serves it). */
export const TEMPLATE_DOWNLOADS: Record<LanguageId, string> = {
  zh: 'template.zh.md',
  en: 'template.en.md',
};

/** Where each template is served raw, under the site's base path. */
export const TEMPLATE_URLS: Record<LanguageId, string> = {
  zh: sitePath(`/${TEMPLATE_DOWNLOADS.zh}`),
  en: sitePath(`/${TEMPLATE_DOWNLOADS.en}`),
};
