// What the tests need beyond `npm ci`, checked in milliseconds before anything else runs:
// a Node.js that package.json's `engines.node` accepts, and three Debian packages (Chromium for
// the browser tests, nginx and its brotli_static module for tests/browser/nginx.test.ts).
//   node scripts/prerequisites.mjs             says what is missing and the line that installs it; exit 1 if anything is
//   node scripts/prerequisites.mjs --node      checks the Node.js version only (for .ci/run, before it installs anything)
//   node scripts/prerequisites.mjs --packages  prints the missing Debian packages' names (for .ci/run)
// `npm test` (scripts/run-tests.mjs) and the browser tests' global setup run the same checks.
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The Debian packages, each with the file that shows it is installed. */
export const DEBIAN_PACKAGES = Object.freeze([
  { package: 'chromium', path: '/usr/bin/chromium', for: 'every browser test (headless Chromium, driven by playwright-core)' },
  { package: 'nginx', path: '/usr/sbin/nginx', for: 'tests/browser/nginx.test.ts (the deployed server configuration)' },
  {
    package: 'libnginx-mod-http-brotli-static',
    path: '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so',
    for: "nginx's brotli_static module, which scripts/nginx/site.conf loads",
  },
]);

/** The one line that installs `packages` on Debian. */
export function installLine(packages) {
  const sudo = typeof process.getuid === 'function' && process.getuid() === 0 ? '' : 'sudo ';
  return `${sudo}apt-get install -y ${packages.join(' ')}`;
}

const isExecutableOrPresent = (path) => {
  try {
    accessSync(path, path.endsWith('.so') ? constants.R_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * The Debian packages whose files are missing, each with a sentence that names what needs it and
 * how to install it.
 * @returns {{ package: string, path: string, message: string }[]}
 */
export function missingPrerequisites(packages = DEBIAN_PACKAGES) {
  return packages
    .filter((p) => !isExecutableOrPresent(p.path))
    .map((p) => ({
      package: p.package,
      path: p.path,
      message: `${p.path} is missing: ${p.for} needs Debian's ${p.package} package. Install it: ${installLine([p.package])}`,
    }));
}

/** Why the running Node.js will not do (package.json `engines.node`: `^X.Y.Z`, `>=X.Y.Z`, joined by `||`), or null. */
export function nodeProblem(version = process.versions.node) {
  const { engines } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const range = engines?.node;
  if (typeof range !== 'string') return 'package.json has no engines.node';
  const parse = (text) => [0, 1, 2].map((i) => Number.parseInt(text.split('.')[i] ?? '0', 10) || 0);
  const compare = (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  const current = parse(version);
  const satisfies = (clause) => {
    const match = /^(\^|>=)\s*(\d+(?:\.\d+){0,2})$/.exec(clause.trim());
    if (!match) throw new Error(`cannot read "${clause}" in engines.node "${range}"`);
    const wanted = parse(match[2]);
    if (match[1] === '>=') return compare(current, wanted) >= 0;
    return current[0] === wanted[0] && compare(current, wanted) >= 0;
  };
  if (range.split('||').some(satisfies)) return null;
  return `Node.js ${version} is not supported: this project needs Node.js ${range} (package.json engines.node).`;
}

function main(args) {
  if (args.includes('--node')) {
    const problem = nodeProblem();
    if (problem) console.error(problem);
    else console.log(`Node.js ${process.versions.node} will do.`);
    return problem ? 1 : 0;
  }
  const missing = missingPrerequisites();
  if (args.includes('--packages')) {
    console.log(missing.map((m) => m.package).join(' '));
    return 0;
  }
  const node = nodeProblem();
  if (node) console.error(node);
  if (missing.length) {
    console.error(`The tests need ${missing.length === 1 ? 'a Debian package' : 'Debian packages'} this machine lacks:`);
    for (const m of missing)
      console.error(`  - ${m.package}: ${m.path} is missing (${DEBIAN_PACKAGES.find((p) => p.package === m.package).for})`);
    console.error(
      `Install ${missing.length === 1 ? 'it' : 'them'}, then run the tests again:\n\n  ${installLine(missing.map((m) => m.package))}\n`,
    );
    console.error('(`bash .ci/run` installs them itself, then runs the same tests.)');
  }
  if (existsSync(new URL('../node_modules/', import.meta.url)) === false) {
    console.error('node_modules/ is missing: run `npm ci` first.');
    return 1;
  }
  if (node || missing.length) return 1;
  console.log(`Node.js ${process.versions.node}, ${DEBIAN_PACKAGES.map((p) => p.package).join(', ')}: present.`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exit(main(process.argv.slice(2)));
