/**
 * A worker thread of render-in-workers.ts: renders each body it is sent with the site's body
 * renderer and sends back the result, or the error's message, under the body's number.
 */
import { parentPort } from 'node:worker_threads';
import { createBodyRenderer } from './body-renderer.ts';

export interface RenderRequest {
  id: number;
  markdown: string;
}
export type RenderReply = { id: number; rendered: import('./body-renderer.ts').RenderedBody } | { id: number; error: string };

const render = createBodyRenderer();
parentPort!.on('message', ({ id, markdown }: RenderRequest) => {
  render
    .then((r) => r(markdown))
    .then(
      (rendered) => parentPort!.postMessage({ id, rendered } satisfies RenderReply),
      (error: Error) => parentPort!.postMessage({ id, error: error?.message ?? String(error) } satisfies RenderReply),
    );
});
