// `npm test`: lint, type-check, build, then every vitest project (unit, component, browser) against
// the production build. The last line printed is always `N passed, N failed[, N skipped]`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// The files Prettier checks: the arguments of `npm run format:check`, so the two never differ.
const FORMATTED = pkg.scripts['format:check']
  .replace(/^prettier --check /, '')
  .match(/"[^"]+"|\S+/g)
  .map((arg) => arg.replace(/^"|"$/g, ''));
const bin = (pkg, path) => join(root, 'node_modules', pkg, path);

function run(label, args, env = process.env) {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env });
  if (r.error) console.error(`${label}: ${r.error.message}`);
  return r.status ?? 1;
}

function finish(passed, failed, skipped, code) {
  console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  process.exit(code);
}

// Lint first (ESLint, then Prettier's check): the same two commands as `npm run lint`.
const lintSteps = [
  ['eslint', [bin('eslint', 'bin/eslint.js'), '--config', 'scripts/lint/eslint.config.js', '--max-warnings=0', '.']],
  ['prettier --check', [bin('prettier', 'bin/prettier.cjs'), '--check', ...FORMATTED]],
];
for (const [label, args] of lintSteps) {
  if (run(label, args) !== 0) {
    console.error(`\nLint failed (${label}): \`npm run lint:fix\` fixes what can be fixed.`);
    finish(0, 1, 0, 1);
  }
}

if (run('tsc --noEmit -p tsconfig.json', [bin('typescript', 'bin/tsc'), '--noEmit', '-p', 'tsconfig.json']) !== 0) {
  console.error('\nType check failed.');
  finish(0, 1, 0, 1);
}
if (run('vite build', [bin('vite', 'bin/vite.js'), 'build'], { ...process.env, NODE_ENV: 'production' }) !== 0) {
  console.error('\nBuild failed.');
  finish(0, 1, 0, 1);
}

const tmp = mkdtempSync(join(tmpdir(), 'badia-tests-'));
const report = join(tmp, 'vitest.json');
const status = run(
  'vitest run (unit, component, map, browser)',
  [
    bin('vitest', 'vitest.mjs'),
    'run',
    // Named, so that the screenshots project (npm run screenshots) is left out.
    ...['unit', 'component', 'map', 'browser'].flatMap((name) => ['--project', name]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${report}`,
  ],
  { ...process.env, BUILD_DONE: '1' },
);

let json = null;
if (existsSync(report)) {
  try {
    json = JSON.parse(readFileSync(report, 'utf8'));
  } catch (err) {
    console.error(`Could not read the vitest report ${report}: ${err.message}`);
  }
} else {
  console.error(`vitest wrote no report (${report}).`);
}
rmSync(tmp, { recursive: true, force: true });
if (!json) finish(0, 1, 0, 1);

const passed = json.numPassedTests ?? 0;
// A test file that failed to load (or a failing hook outside any test) has no failed test in
// it; count each such file as one failure so the summary never reads "0 failed" on a red run.
const brokenFiles = (json.testResults ?? []).filter(
  (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((t) => t.status === 'failed'),
);
for (const f of brokenFiles) console.error(`Test file failed outside its tests: ${f.name}\n${f.message ?? ''}`);
let failed = (json.numFailedTests ?? 0) + brokenFiles.length;
const skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
const browserRan = (json.testResults ?? [])
  .filter((f) => String(f.name).replaceAll('\\', '/').includes('/tests/browser/'))
  .flatMap((f) => f.assertionResults ?? [])
  .filter((t) => t.status === 'passed' || t.status === 'failed').length;

const problems = [];
if (status !== 0) problems.push(`vitest exited with status ${status}`);
if (json.numFailedTests > 0) problems.push(`${json.numFailedTests} test(s) failed`);
if (passed + failed === 0) problems.push('no test ran');
if (browserRan === 0) problems.push('the browser project ran no test (tests/browser/)');
if (brokenFiles.length) problems.push(`${brokenFiles.length} test file(s) failed outside their tests`);
// A red run with no failed test (an unhandled error, no browser test ran…) reads "1 failed".
if (problems.length && failed === 0) failed = 1;
if (problems.length) console.error(`\nFAILED: ${problems.join('; ')}.`);
else console.log(`\nAll green: ${browserRan} browser test(s) among ${passed}.`);
finish(passed, failed, skipped, problems.length ? 1 : 0);
