/** The catalogue as the tests expect to see it, read from the proposal files with the site's own code. */
import { PROPOSALS_DIR } from '../../src/lib/proposal-files.ts';
import { readProposalFolder } from '../../src/lib/reader/read-folder.ts';
import { statusByName } from '../../src/lib/vocabulary/statuses.ts';

export const proposals = readProposalFolder(PROPOSALS_DIR).proposals.map((p) => ({
  id: p.id,
  file: p.file,
  title: p.data!.title,
  component: p.data!.component,
  relatedComponents: p.data!.relatedComponents,
  status: statusByName(p.data!.status).id,
  updated: p.data!.updated,
  lang: p.data!.lang,
  illustration: p.data!.illustration,
  jira: p.data!.jira,
  kip: p.data!.kip,
  completeness: p.completeness,
  dod: p.dod,
}));

/** Whether a proposal is about a component: its main one or a related one, as the component's page lists it. */
export const isAbout = (proposal: (typeof proposals)[number], componentId: string) => proposal.component === componentId || proposal.relatedComponents.some((id) => id === componentId);
