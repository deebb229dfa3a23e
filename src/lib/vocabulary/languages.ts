/** Languages a proposal may be written in; the value becomes the page's `lang`. */
export const LANGUAGES = [
  { id: 'zh', name: '中文', htmlLang: 'zh-CN' },
  { id: 'en', name: 'English', htmlLang: 'en' },
] as const;

export type LanguageId = (typeof LANGUAGES)[number]['id'];
export const LANGUAGE_IDS = LANGUAGES.map((l) => l.id) as [LanguageId, ...LanguageId[]];

export function getLanguage(id: LanguageId) {
  return LANGUAGES.find((l) => l.id === id)!;
}
