import { describe, expect, it } from 'vitest';
import { readProposalFolder } from '../../src/lib/reader/read-folder.ts';
import { PROPOSALS_DIR } from '../../src/lib/proposal-files.ts';
import { COMPONENTS, findComponent } from '../../src/lib/vocabulary/components.ts';
import { STATUSES, STATUS_NAMES } from '../../src/lib/vocabulary/statuses.ts';

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

describe('vocabulary', () => {
  it('has unique kebab-case component ids, each with a description and source paths', () => {
    expect(new Set(COMPONENTS.map((c) => c.id)).size).toBe(COMPONENTS.length);
    for (const c of COMPONENTS) {
      expect(c.id).toMatch(KEBAB);
      expect(c.description.en.length).toBeGreaterThan(20);
      expect(c.classes.length).toBeGreaterThan(0);
      for (const cls of c.classes) expect(cls.path).toMatch(/^[a-z-]+(\/[\w.-]+)+\.(java|scala)$/);
    }
  });

  it('has the eight statuses with unique ids, meanings and final flags', () => {
    expect(STATUS_NAMES).toEqual(['Draft', 'Under Discussion', 'Accepted', 'Implemented', 'Rejected', 'Withdrawn', 'Superseded', 'Dormant']);
    expect(STATUSES.filter((s) => s.final).map((s) => s.id)).toEqual(['implemented', 'rejected', 'withdrawn', 'superseded']);
    for (const s of STATUSES) expect(s.id).toMatch(KEBAB);
  });
});

describe('the published proposals', () => {
  const { proposals, findings } = readProposalFolder(PROPOSALS_DIR);

  it('all pass the schema and the catalogue rules', () => {
    expect(findings).toEqual([]);
  });

  it('use only components and statuses from the vocabulary', () => {
    for (const p of proposals) {
      expect(findComponent(p.data!.component), p.file).toBeDefined();
      for (const related of p.data!.relatedComponents) expect(findComponent(related), p.file).toBeDefined();
      expect(STATUS_NAMES, p.file).toContain(p.data!.status);
    }
  });

  it('cover the sample set the catalogue promises: 10+ proposals, 7+ components, 5+ statuses, 3+ in each language', () => {
    expect(proposals.length).toBeGreaterThanOrEqual(10);
    expect(new Set(proposals.map((p) => p.data!.component)).size).toBeGreaterThanOrEqual(7);
    expect(new Set(proposals.map((p) => p.data!.status)).size).toBeGreaterThanOrEqual(5);
    expect(proposals.filter((p) => p.data!.lang === 'zh').length).toBeGreaterThanOrEqual(3);
    expect(proposals.filter((p) => p.data!.lang === 'en').length).toBeGreaterThanOrEqual(3);
  });
});
