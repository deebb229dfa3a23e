/**
 * The site names apache/kafka source files from one list (src/lib/vocabulary/kafka-source-paths.ts):
 * component pages, the proposals' `modules`, their source links and the paths in their prose. A file
 * that moves on trunk is fixed in that list, and these tests then name every page still using the
 * old path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findKafkaReferences } from '../../src/lib/markdown/kafka-links.ts';
import { PROPOSALS_DIR } from '../../src/lib/proposal-files.ts';
import { readProposalFolder } from '../../src/lib/reader/read-folder.ts';
import { COMPONENTS, KAFKA_SOURCE_BASE, sourceUrl } from '../../src/lib/vocabulary/components.ts';
import { KAFKA_SOURCE, KAFKA_SOURCE_PATHS, RETIRED_KAFKA_SOURCE_PATHS } from '../../src/lib/vocabulary/kafka-source-paths.ts';

/** The list itself records the retired paths; every other file is held to it. */
const LIST_FILE = join('src', 'lib', 'vocabulary', 'kafka-source-paths.ts');
const SCANNED_DIRS = ['src', join('tests', 'fixtures')];

/** Every file under the scanned folders, as [path, text]. */
function scannedFiles(): [string, string][] {
  return SCANNED_DIRS.flatMap((dir) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .filter((path) => path !== LIST_FILE)
      .map((path): [string, string] => [path, readFileSync(path, 'utf8')]),
  );
}

const proposalFiles = readdirSync(PROPOSALS_DIR).map((name) => join(PROPOSALS_DIR, name));

/** A source link's path, without a line anchor (`#L10`) or query. */
const BLOB_LINK = /https:\/\/github\.com\/apache\/kafka\/blob\/trunk\/([^\s)\]>"'`#?]+)/g;

/** `Foo.java` → `Foo`. */
const className = (path: string) => basename(path, extname(path));

describe('the list of apache/kafka source files', () => {
  it('holds each file once, as a path into a module of the repository', () => {
    const paths = Object.values(KAFKA_SOURCE);
    expect(new Set(paths).size).toBe(paths.length);
    for (const path of paths) expect(path).toMatch(/^[a-z-]+(\/[a-z]+)?\/src\/main\/(java|scala)\/([\w-]+\/)+[A-Z]\w*\.(java|scala)$/);
  });

  it('names each file after its class', () => {
    for (const [name, path] of Object.entries(KAFKA_SOURCE)) expect(className(path), path).toBe(name);
  });

  it('retires only paths it no longer lists, each for the same class at its new place', () => {
    expect(RETIRED_KAFKA_SOURCE_PATHS.length).toBeGreaterThan(0);
    for (const retired of RETIRED_KAFKA_SOURCE_PATHS) {
      expect(KAFKA_SOURCE_PATHS.has(retired.path), retired.path).toBe(false);
      expect(className(retired.path), retired.path).toBe(retired.now);
      expect(KAFKA_SOURCE[retired.now], retired.path).not.toBe(retired.path);
      expect(retired.why.length, retired.path).toBeGreaterThan(0);
    }
  });
});

describe('pages and proposals name only listed files', () => {
  it('component pages link only listed files, on trunk', () => {
    for (const component of COMPONENTS) {
      for (const cls of component.classes) {
        expect(KAFKA_SOURCE_PATHS.has(cls.path), `${component.id}: ${cls.name} → ${cls.path}`).toBe(true);
        expect(sourceUrl(cls.path)).toBe(`${KAFKA_SOURCE_BASE}${cls.path}`);
      }
    }
  });

  it('every github.com/apache/kafka/blob/trunk link, in proposals and anywhere else, is to a listed file', () => {
    const links = scannedFiles().flatMap(([file, text]) => [...text.matchAll(BLOB_LINK)].map((m) => `${file}: ${m[1]}`));
    expect(links.filter((link) => link.startsWith(PROPOSALS_DIR.replace(/^\.\//, ''))).length).toBeGreaterThan(0);
    expect(links.filter((link) => !KAFKA_SOURCE_PATHS.has(link.slice(link.indexOf(': ') + 2)))).toEqual([]);
  });

  it('the source paths in proposals’ modules are listed files', () => {
    const { proposals } = readProposalFolder(PROPOSALS_DIR);
    const paths = proposals.flatMap((p) => p.data!.modules.filter((m) => m.includes('/')).map((m) => `${p.file}: ${m}`));
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((entry) => !KAFKA_SOURCE_PATHS.has(entry.slice(entry.indexOf(': ') + 2)))).toEqual([]);
  });

  it('every source path written in a proposal, frontmatter or prose (where it becomes a code-search link), is a listed file', () => {
    const paths = proposalFiles.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return findKafkaReferences(text)
        .filter((ref) => ref.kind === 'path')
        .map((ref) => `${file}: ${text.slice(ref.start, ref.end).replace(/^apache\/kafka\/blob\/trunk\//, '')}`);
    });
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((entry) => !KAFKA_SOURCE_PATHS.has(entry.slice(entry.indexOf(': ') + 2)))).toEqual([]);
  });

  it('no file in src/ or the test fixtures prints a retired path', () => {
    const files = scannedFiles();
    expect(files.some(([file]) => file.endsWith('components.ts'))).toBe(true);
    const found = files.flatMap(([file, text]) => RETIRED_KAFKA_SOURCE_PATHS.filter((r) => text.includes(r.path)).map((r) => `${file}: ${r.path} (now ${KAFKA_SOURCE[r.now]})`));
    expect(found).toEqual([]);
  });
});
