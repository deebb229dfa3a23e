// Before first paint: mark that scripts run (for .js-only / .no-js), and apply a chosen theme so
// that it never flashes the other one. BaseLayout inlines this file as it is, and astro.config.mjs
// hashes the same file for the Content-Security-Policy: edit it freely, the hash follows.
document.documentElement.dataset.js = 'on';
try {
  const theme = localStorage.getItem('theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {}
