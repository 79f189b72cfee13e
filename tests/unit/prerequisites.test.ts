// scripts/prerequisites.mjs: what `npm test` checks first, so that a machine without Chromium or
// nginx hears so at once, with the line that installs them, not 20 minutes later.
import { describe, expect, it } from 'vitest';
import { DEBIAN_PACKAGES, installLine, missingPrerequisites, nodeProblem } from '../../scripts/prerequisites.mjs';

describe('prerequisites', () => {
  it('names each missing package with what needs it and the apt-get line', () => {
    const missing = missingPrerequisites([
      { package: 'chromium', path: '/nonexistent/chromium', for: 'every browser test' },
      { package: 'sh', path: '/bin/sh', for: 'nothing here' },
    ]);
    expect(missing.map((m) => m.package)).toEqual(['chromium']);
    expect(missing[0]!.message).toContain('/nonexistent/chromium is missing');
    expect(missing[0]!.message).toContain('every browser test');
    expect(missing[0]!.message).toMatch(/(sudo )?apt-get install -y chromium$/);
  });

  it('lists the three Debian packages .ci/run installs, in one install line', () => {
    expect(DEBIAN_PACKAGES.map((p) => p.package)).toEqual(['chromium', 'nginx', 'libnginx-mod-http-brotli-static']);
    expect(installLine(['chromium', 'nginx'])).toMatch(/^(sudo )?apt-get install -y chromium nginx$/);
  });

  it("accepts the Node.js versions package.json's engines accept, and names the range otherwise", () => {
    expect(nodeProblem('20.19.0')).toBeNull();
    expect(nodeProblem('22.13.1')).toBeNull();
    expect(nodeProblem('24.0.0')).toBeNull();
    expect(nodeProblem('18.20.0')).toMatch(/Node\.js 18\.20\.0 is not supported: this project needs Node\.js \^20/);
    expect(nodeProblem('20.18.9')).not.toBeNull();
    expect(nodeProblem('22.12.0')).not.toBeNull();
  });
});
