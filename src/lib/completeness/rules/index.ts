/**
 * The completeness rules, in the order of the template. This list is the single source for the
 * badge on every page, the breakdown on each proposal, `npm run check` and the /rules/ page.
 */
import type { Rule } from '../types.ts';
import { changelogDated } from './changelog-dated.ts';
import { compatibility } from './compatibility.ts';
import { dodVerdict } from './dod-verdict.ts';
import { evidenceChain } from './evidence-chain.ts';
import { failureModes } from './failure-modes.ts';
import { featureFlag } from './feature-flag.ts';
import { kipWhenRequired } from './kip-when-required.ts';
import { namesRealCode } from './names-real-code.ts';
import { noPlaceholders } from './no-placeholders.ts';
import { noUnresolvedMarkers } from './no-unresolved-markers.ts';
import { performanceValidation } from './performance-validation.ts';
import { referencesClickable } from './references-clickable.ts';
import { releaseRollback } from './release-rollback.ts';
import { sectionsFilled } from './sections-filled.ts';
import { sectionsPresent } from './sections-present.ts';
import { summaryComplete } from './summary-complete.ts';
import { testStrategy } from './test-strategy.ts';

export const RULES: readonly Rule[] = [
  sectionsPresent,
  sectionsFilled,
  noPlaceholders,
  noUnresolvedMarkers,
  summaryComplete,
  evidenceChain,
  namesRealCode,
  featureFlag,
  compatibility,
  failureModes,
  kipWhenRequired,
  performanceValidation,
  dodVerdict,
  testStrategy,
  releaseRollback,
  referencesClickable,
  changelogDated,
];
