// `npm test`: lint, type-check, build, then every vitest project (unit, component, browser) against
// the production build. The last line printed is always `N passed, N failed[, N skipped]`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// The files Prettier checks: the arguments of `npm run format:check`, so the two never differ.
const FORMATTED = pkg.scripts['format:check']
  .replace(/^prettier --check /, '')
  .match(/"[^"]+"|\S+/g)
  .map((arg) => arg.replace(/^"|"$/g, ''));
/** The fictional event of tests/fixtures/events.ts, which the browser tests build beside the real one. */
const FICTIONAL_EVENT = 'tests/fixtures/events/harbour-fire-fictional';
const bin = (pkg, path) => join(root, 'node_modules', pkg, path);

function run(label, args, env = process.env) {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env });
  if (r.error) console.error(`${label}: ${r.error.message}`);
  return r.status ?? 1;
}

/** Runs a Node script with its output (stdout and stderr, interleaved) kept for later. */
function runCaptured({ label, args, env = process.env, failure }) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (err) => (output += `${label}: ${err.message}\n`));
    child.on('close', (code, signal) =>
      resolve({ label, failure, output, status: code ?? (signal ? 1 : 0), ms: Date.now() - started }),
    );
  });
}

function finish(passed, failed, skipped, code) {
  console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  process.exit(code);
}

// First, in milliseconds: what this machine must have beyond `npm ci` (Node.js, Chromium, nginx
// and its brotli module). Without it the run would fail minutes later; it stops now, with the
// line that installs what is missing.
if (run('prerequisites', [join(root, 'scripts', 'prerequisites.mjs')]) !== 0) {
  console.error('\nThe tests cannot run on this machine yet: install what is listed above.');
  finish(0, 1, 0, 1);
}

// Lint (ESLint, then Prettier's check: the two commands of `npm run lint`), the type check and
// the build are independent: they run side by side (this machine has two cores) and each one's
// output is printed whole, in this order, once all have ended.
const tmp = mkdtempSync(join(tmpdir(), 'badia-tests-'));
const fictionalDist = join(tmp, 'fictional-dist');
const checks = [
  {
    label: 'eslint',
    args: [bin('eslint', 'bin/eslint.js'), '--config', 'scripts/lint/eslint.config.js', '--max-warnings=0', '.'],
    failure: 'Lint failed (eslint): `npm run lint:fix` fixes what can be fixed.',
  },
  {
    label: 'prettier --check',
    args: [bin('prettier', 'bin/prettier.cjs'), '--check', ...FORMATTED],
    failure: 'Lint failed (prettier --check): `npm run lint:fix` fixes what can be fixed.',
  },
  {
    label: 'tsc --noEmit -p tsconfig.json',
    args: [bin('typescript', 'bin/tsc'), '--noEmit', '-p', 'tsconfig.json'],
    failure: 'Type check failed.',
  },
  {
    label: 'vite build',
    args: [bin('vite', 'bin/vite.js'), 'build'],
    env: { ...process.env, NODE_ENV: 'production' },
    failure: 'Build failed.',
  },
  // The second event the browser tests open (tests/browser/global-setup.ts takes it from here).
  {
    label: `vite build (${FICTIONAL_EVENT})`,
    args: [bin('vite', 'bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', fictionalDist, '--emptyOutDir'],
    env: { ...process.env, NODE_ENV: 'production', EVENT: FICTIONAL_EVENT },
    failure: 'The build of the fictional test event failed.',
  },
];
const results = await Promise.all(checks.map((check) => runCaptured(check)));
for (const r of results) {
  console.log(`\n▶ ${r.label} (${(r.ms / 1000).toFixed(1)} s)`);
  if (r.output) process.stdout.write(r.output);
}
const firstFailed = results.find((r) => r.status !== 0);
if (firstFailed) {
  console.error(`\n${firstFailed.failure}`);
  rmSync(tmp, { recursive: true, force: true });
  finish(0, 1, 0, 1);
}

const report = join(tmp, 'vitest.json');
const fileTimesOut = join(tmp, 'file-times.json');
const status = run(
  'vitest run (unit, component, map, browser)',
  [
    bin('vitest', 'vitest.mjs'),
    'run',
    // Named, so that the screenshots project (npm run screenshots) is left out.
    ...['unit', 'component', 'map', 'browser'].flatMap((name) => ['--project', name]),
    '--reporter=default',
    '--reporter=json',
    '--reporter=./scripts/file-times-reporter.mjs',
    `--outputFile.json=${report}`,
  ],
  { ...process.env, BUILD_DONE: '1', FICTIONAL_DIST: fictionalDist, FILE_TIMES_OUT: fileTimesOut },
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
let fileTimes = [];
try {
  if (existsSync(fileTimesOut)) fileTimes = JSON.parse(readFileSync(fileTimesOut, 'utf8'));
} catch (err) {
  console.error(`Could not read the test files' times (${fileTimesOut}): ${err.message}`);
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

// The ten slowest files, so that the next person sees where the suite's time goes.
const slowest = fileTimes
  .map((f) => ({ name: relative(root, f.file), ms: f.ms }))
  .sort((a, b) => b.ms - a.ms)
  .slice(0, 10);
if (slowest.length) {
  const total = fileTimes.reduce((sum, f) => sum + f.ms, 0);
  console.log(`\nThe ten slowest test files (of ${fileTimes.length}, ${(total / 1000).toFixed(0)} s of test time in all):`);
  for (const f of slowest) console.log(`  ${(f.ms / 1000).toFixed(1).padStart(6)} s  ${f.name}`);
}

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
