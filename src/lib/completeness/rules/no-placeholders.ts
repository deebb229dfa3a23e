import { placeholdersIn } from '../../vocabulary/sections.ts';
import { quotedCode } from '../text.ts';
import { fail, pass, type Rule } from '../types.ts';

export const noPlaceholders: Rule = {
  id: 'no-placeholders',
  title: { zh: '没有残留的模板占位符', en: 'No template placeholder is left' },
  why: {
    zh: '`{{…}}` 占位符就是表里没填的空：只要还剩一个，提案就没写完。',
    en: 'A `{{…}}` placeholder is a blank in the form: the proposal is not finished while one remains.',
  },
  fix: { zh: '把每个 `{{…}}` 换成真实内容：类名、工具、数字、链接。', en: 'Replace every `{{…}}` with the real value: the class, the tool, the number, the link.' },
  weight: 8,
  check: ({ analysed }) => {
    const found: { line: number; text: string }[] = [];
    const lines = analysed.sections.flatMap((s) => [{ line: s.line, text: s.heading }, ...s.lines]);
    for (const { line, text } of lines) for (const placeholder of placeholdersIn(text)) found.push({ line, text: placeholder });
    if (found.length === 0) return pass({ zh: '占位符已全部替换。', en: 'No placeholders left.' });
    const shown = [...new Set(found.map((f) => f.text))].slice(0, 6).map(quotedCode);
    const more = found.length > 6;
    const n = found.length;
    return fail(
      {
        zh: `还剩 ${n} 处占位符：${shown.join('、')}${more ? ' 等' : ''}。`,
        en: `${n} placeholder${n > 1 ? 's' : ''} left: ${shown.join(', ')}${more ? ', …' : ''}.`,
      },
      found[0]!.line,
    );
  },
};
