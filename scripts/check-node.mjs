// Exits 1, saying why, when the running Node.js is not one that package.json's
// `engines.node` accepts (the range every dependency accepts; see the README's "Set up").
// Understands the forms that range uses: `^X.Y.Z`, `>=X.Y.Z`, joined by `||`.
import { readFileSync } from 'node:fs';

const { engines } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const range = engines?.node;
if (typeof range !== 'string') {
  console.error('check-node: package.json has no engines.node');
  process.exit(1);
}

const parse = (text) => text.split('.').map((n) => Number.parseInt(n, 10) || 0);
const compare = (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
const current = parse(process.versions.node);

const satisfies = (clause) => {
  const match = /^(\^|>=)\s*(\d+(?:\.\d+){0,2})$/.exec(clause.trim());
  if (!match) throw new Error(`check-node: cannot read "${clause}" in engines.node "${range}"`);
  const [, operator, version] = match;
  const wanted = parse(version);
  if (operator === '>=') return compare(current, wanted) >= 0;
  return current[0] === wanted[0] && compare(current, wanted) >= 0;
};

if (!range.split('||').some(satisfies)) {
  console.error(
    `Node.js ${process.versions.node} is not supported: this project needs Node.js ${range} (package.json engines.node).`,
  );
  process.exit(1);
}
console.log(`Node.js ${process.versions.node} satisfies ${range}.`);
