// `npm run validate-data`: runs the project's one validator (the loader in src/domain/, the
// same the build, the dev server and the tests use) over every event in data/events/ and the
// basemap, and says what is wrong: file, record, field, what was expected. Exit 1 on any issue.
// Vite's module runner loads the TypeScript, so this works on every supported Node.js.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('../', import.meta.url));
const { module } = await runnerImport(fileURLToPath(new URL('./vite-plugins/validate-data.ts', import.meta.url)), {
  root,
  configFile: false,
  logLevel: 'error',
});
try {
  const summary = module.validateDataDir(root);
  for (const event of summary.events) console.log(`${event.dir}: event "${event.id}" OK (basemap ${event.basemap})`);
  for (const basemap of summary.basemaps) console.log(`${basemap}: OK`);
} catch (error) {
  if (error instanceof Error && error.name === 'EventSelectionError') {
    console.error(error.message);
    process.exit(1);
  }
  // The validator's own error: its message lists every issue, one per line.
  if (!(error instanceof Error) || !Array.isArray(error.issues)) throw error;
  console.error(error.message);
  process.exit(1);
}
