// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { taskListLabels } from './src/markdown/task-list-labels.ts';
import { pagefind } from './src/integrations/pagefind.ts';

export default defineConfig({
  site: 'https://kafka-proposals.example.org',
  trailingSlash: 'always',
  integrations: [mdx(), pagefind()],
  markdown: {
    processor: satteri({ hastPlugins: [taskListLabels] }),
    shikiConfig: {
      // The "-default" GitHub themes keep every token, comments included, above 4.5:1 (github-dark's comments are 3:1).
      themes: { light: 'github-light-default', dark: 'github-dark-default' },
      // Only custom properties, no inline default colour: global.css picks light or dark with light-dark().
      defaultColor: false,
    },
  },
});
