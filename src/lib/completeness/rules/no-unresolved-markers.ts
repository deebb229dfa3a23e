import { TEMPLATE_NOTE, UNRESOLVED_MARKER } from '../text.ts';
import { fail, pass, type Rule } from '../types.ts';

export const noUnresolvedMarkers: Rule = {
  id: 'no-unresolved-markers',
  title: { zh: '没有遗留的【待确认】、TODO 和模板提示', en: 'No open marker is left' },
  why: {
    zh: '【待确认】、TBD、TODO 标的是评审之前必须先定下来的问题；【补…】和 [Template note] 是模板自带的写作提示。',
    en: '【待确认】, TBD and TODO mark questions that must be settled before the proposal can be judged; 【补…】 and [Template note] are the template’s own guidance.',
  },
  fix: {
    zh: '逐条处理【待确认】/TBD/TODO：能回答的直接回答，答不了的改成普通问题挪到“开放问题”；删掉模板的【补…】/[Template note] 提示。',
    en: 'Resolve each 【待确认】/TBD/TODO (answer it, or move it to “Open questions” as a plain question) and delete the template’s 【补…】/[Template note] notes.',
  },
  weight: 6,
  check: ({ analysed }) => {
    const lines = analysed.sections.flatMap((s) => s.lines);
    const open = lines.filter(({ text }) => UNRESOLVED_MARKER.test(text) || TEMPLATE_NOTE.test(text));
    if (open.length === 0) return pass({ zh: '没有遗留的【待确认】、TBD、TODO 或【补】。', en: 'No 【待确认】, TBD, TODO or 【补】 left.' });
    const kinds = [...new Set(open.flatMap(({ text }) => text.match(/【待确认|【补|\[Template note|\bTBD\b|\bTODO\b|\bFIXME\b/g) ?? []))].map((k) =>
      k.startsWith('【') ? `${k}】` : k.startsWith('[') ? `${k}]` : k,
    );
    const n = open.length;
    // No space between a Chinese word and a full-width bracket: "带有【待确认】", "带有 TODO".
    const gap = kinds[0]!.startsWith('【') ? '' : ' ';
    return fail({ zh: `仍有 ${n} 行带有${gap}${kinds.join('、')}。`, en: `${n} line${n > 1 ? 's' : ''} still with ${kinds.join(', ')}.` }, open[0]!.line);
  },
};
