import { TEMPLATE_NOTE, UNRESOLVED_MARKER } from '../text.ts';
import { fail, pass, type Rule } from '../types.ts';

export const noUnresolvedMarkers: Rule = {
  id: 'no-unresolved-markers',
  title: 'No open marker is left',
  why: '【待确认】, TBD and TODO mark questions that must be settled before the proposal can be judged; 【补…】 and [Template note] are the template’s own guidance.',
  fix: 'Resolve each 【待确认】/TBD/TODO (answer it, or move it to “Open questions” as a plain question) and delete the template’s 【补…】/[Template note] notes.',
  weight: 6,
  check: ({ analysed }) => {
    const lines = analysed.sections.flatMap((s) => s.lines);
    const open = lines.filter(({ text }) => UNRESOLVED_MARKER.test(text) || TEMPLATE_NOTE.test(text));
    if (open.length === 0) return pass('No 【待确认】, TBD, TODO or 【补】 left.');
    const kinds = [...new Set(open.flatMap(({ text }) => text.match(/【待确认|【补|\[Template note|\bTBD\b|\bTODO\b|\bFIXME\b/g) ?? []))].map((k) =>
      k.startsWith('【') ? `${k}】` : k.startsWith('[') ? `${k}]` : k,
    );
    return fail(`${open.length} line${open.length > 1 ? 's' : ''} still with ${kinds.join(', ')}.`, open[0]!.line);
  },
};
