/** Reading the built site's HTML files without a browser, for the checks that span every page. */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DefaultTreeAdapterMap } from 'parse5';

export const DIST = 'dist';

export type Element = DefaultTreeAdapterMap['element'];
export type Node = DefaultTreeAdapterMap['node'];

/** Every page of the site (Pagefind's own files left out). */
export function htmlFiles(dir: string = DIST): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .filter((file) => !relative(dir, file).startsWith('pagefind'));
}

/** Every element below a node, template contents included. */
export function elements(node: Node, found: Element[] = []): Element[] {
  if ('tagName' in node) found.push(node);
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) elements(child as Node, found);
  if ('content' in node && node.content) elements(node.content as unknown as Node, found);
  return found;
}

export const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
