import { describe, expect, it } from 'vitest';
import { toProposal } from '../../src/lib/catalogue.ts';
import { translator } from '../../src/lib/i18n/translate.ts';
import { readProposal, recordOf, type ValidProposalRecord } from '../../src/lib/reader/read-proposal.ts';
import { daysBetween, staleness, staleOnly, STATUSES_THAT_GO_STALE, type CatalogueClock } from '../../src/lib/stale.ts';
import { STATUSES, statusByName } from '../../src/lib/vocabulary/statuses.ts';
import { proposalSource } from '../helpers/proposal-source.ts';

const clock: CatalogueClock = { buildDate: '2026-11-26', staleAfterDays: 180 };
const draft = statusByName('Draft');
const underDiscussion = statusByName('Under Discussion');

describe('daysBetween', () => {
  it('counts whole UTC days, negative when the second date is earlier', () => {
    expect(daysBetween('2026-11-26', '2026-11-26')).toBe(0);
    expect(daysBetween('2026-11-25', '2026-11-26')).toBe(1);
    expect(daysBetween('2026-11-26', '2026-11-25')).toBe(-1);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
  });

  it('counts 29 February in a leap year, and not in a common one', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
  });

  it('is not moved by daylight saving time: days are UTC days', () => {
    // Europe and the US change clocks in late March and October; a local-time count would give 30.5 or 31.04.
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(daysBetween('2026-10-01', '2026-11-01')).toBe(31);
  });
});

describe('staleness', () => {
  it('is stale at exactly the setting, not one day before', () => {
    // 2026-05-30 is 180 days before 2026-11-26; 2026-05-31 is 179.
    expect(daysBetween('2026-05-30', clock.buildDate)).toBe(180);
    expect(staleness(draft, '2026-05-30', clock)).toEqual({ stale: true, daysSinceUpdate: 180 });
    expect(staleness(draft, '2026-05-31', clock)).toEqual({ stale: false, daysSinceUpdate: 179 });
    expect(staleness(underDiscussion, '2026-05-30', clock)).toEqual({ stale: true, daysSinceUpdate: 180 });
    expect(staleness(underDiscussion, '2026-05-31', clock)).toEqual({ stale: false, daysSinceUpdate: 179 });
  });

  it('counts across a leap day', () => {
    // 1 December to 29 May spans 180 days only when February has 29 days.
    const leap: CatalogueClock = { buildDate: '2024-05-29', staleAfterDays: 180 };
    expect(staleness(draft, '2023-12-01', leap)).toEqual({ stale: true, daysSinceUpdate: 180 });
    expect(staleness(draft, '2023-12-02', leap)).toEqual({ stale: false, daysSinceUpdate: 179 });
    // The same calendar dates a year later, with no 29 February between them, span 179 days.
    expect(staleness(draft, '2024-12-01', { buildDate: '2025-05-29', staleAfterDays: 180 })).toEqual({ stale: false, daysSinceUpdate: 179 });
    expect(staleness(draft, '2024-12-01', { buildDate: '2025-05-30', staleAfterDays: 180 })).toEqual({ stale: true, daysSinceUpdate: 180 });
  });

  it('never marks a proposal in a status that cannot go stale, however old', () => {
    const old = '2020-01-01';
    for (const name of ['Accepted', 'Implemented', 'Rejected', 'Withdrawn', 'Superseded', 'Dormant'] as const) {
      const result = staleness(statusByName(name), old, clock);
      expect(result, name).toEqual({ stale: false, daysSinceUpdate: daysBetween(old, clock.buildDate) });
    }
  });

  it('counts an update after the build date (a build pinned to an earlier day) as just updated', () => {
    expect(staleness(draft, '2026-12-25', clock)).toEqual({ stale: false, daysSinceUpdate: 0 });
    expect(staleness(draft, '2026-11-26', { buildDate: '2026-11-26', staleAfterDays: 1 })).toEqual({ stale: false, daysSinceUpdate: 0 });
  });

  it('follows the setting, not a fixed 180 days', () => {
    const strict: CatalogueClock = { buildDate: '2026-11-26', staleAfterDays: 30 };
    expect(staleness(draft, '2026-10-27', strict)).toEqual({ stale: true, daysSinceUpdate: 30 });
    expect(staleness(draft, '2026-10-28', strict)).toEqual({ stale: false, daysSinceUpdate: 29 });
    const lenient: CatalogueClock = { buildDate: '2026-11-26', staleAfterDays: 365 };
    expect(staleness(draft, '2026-05-30', lenient).stale).toBe(false);
    expect(staleness(draft, '2025-11-26', lenient)).toEqual({ stale: true, daysSinceUpdate: 365 });
  });

  it('goes stale in Draft and Under Discussion only: the statuses that wait on someone', () => {
    expect(STATUSES_THAT_GO_STALE.map((s) => s.name)).toEqual(['Draft', 'Under Discussion']);
    expect(STATUSES.filter((s) => staleness(s, '2000-01-01', clock).stale).map((s) => s.id)).toEqual(['draft', 'under-discussion']);
  });
});

describe('a catalogue as of its clock', () => {
  function proposal(id: string, status: string, updated: string, at: CatalogueClock) {
    const reading = readProposal(`${id}.md`, `${id}.md`, proposalSource({ title: id, status, created: '2024-01-01', updated }, '## 1) Summary\n- **Problem**: p\n'));
    expect(reading.errors).toEqual([]);
    return toProposal(recordOf(reading) as ValidProposalRecord, at);
  }

  it('gives every proposal its staleness from the clock passed, and staleOnly keeps the stale ones in order', () => {
    const at = (buildDate: string) => [
      proposal('a', 'Draft', '2026-06-01', { buildDate, staleAfterDays: 180 }),
      proposal('b', 'Accepted', '2025-01-01', { buildDate, staleAfterDays: 180 }),
      proposal('c', 'Under Discussion', '2025-01-01', { buildDate, staleAfterDays: 180 }),
    ];
    expect(staleOnly(at('2026-11-26')).map((p) => p.id)).toEqual(['c']);
    // Rebuilt later, the Draft has aged past the setting too; the Accepted proposal never does.
    expect(staleOnly(at('2026-11-28')).map((p) => [p.id, p.staleness.daysSinceUpdate])).toEqual([
      ['a', 180],
      ['c', 696],
    ]);
    // Rebuilt with the same date, the same marks: the clock is the only input.
    expect(at('2026-11-26').map((p) => p.staleness)).toEqual(at('2026-11-26').map((p) => p.staleness));
  });
});

describe('the stale mark says how long, in each language', () => {
  it('words the days with the plural English needs', () => {
    const en = translator('en');
    const zh = translator('zh');
    expect(en('stale.markDetail', { count: 212 })).toBe('Stale: not updated for 212 days');
    expect(en('stale.markDetail', { count: 1 })).toBe('Stale: not updated for 1 day');
    expect(zh('stale.markDetail', { count: 212 })).toBe('停滞：已 212 天未更新');
    expect(en('staleFilter.stale', { count: 3 })).toBe('Stale only (3)');
    expect(zh('staleFilter.all', { count: 12 })).toBe('全部（12）');
  });
});
