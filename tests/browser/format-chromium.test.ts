// The formatting cases of tests/unit/i18n.test.ts, run again inside Chromium: its ICU is not
// Node's, and Arabic digits and month names have changed between CLDR versions before. The
// module under test is src/i18n/format.ts itself, stripped of its types, on a blank page.
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { FORMAT_CASES } from '../fixtures/format-cases.ts';
import { useBrowser } from './helpers.ts';

const browser = useBrowser();
const source = readFileSync(new URL('../../src/i18n/format.ts', import.meta.url), 'utf8');

describe('formatting in Chromium', () => {
  it('gives the same strings as in Node, for every case', async () => {
    const { outputText, diagnostics } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
      reportDiagnostics: true,
    });
    expect(diagnostics ?? []).toEqual([]);
    expect(outputText, 'format.ts has no runtime import to resolve on a blank page').not.toMatch(/^import /m);

    const page = await (await browser()).newPage();
    await page.goto('about:blank');
    await page.addScriptTag({
      type: 'module',
      content: `${outputText}\nglobalThis.__format = { formatLocalAndUtcTime, formatEventDay, formatDate, formatDistanceKm };`,
    });
    await page.waitForFunction(() => '__format' in globalThis);
    const results = await page.evaluate(
      (cases) =>
        cases.map((c) => {
          const format = (globalThis as unknown as { __format: Record<string, (...args: unknown[]) => unknown> }).__format;
          return format[c.fn]!(...c.args);
        }),
      FORMAT_CASES as unknown as { fn: string; args: unknown[] }[],
    );
    const version = await page.evaluate(() => navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? navigator.userAgent);
    console.log(`[format] ${FORMAT_CASES.length} cases in ${version}`);
    FORMAT_CASES.forEach((c, i) => expect(results[i], `${c.fn}(${c.args.join(', ')})`).toEqual(c.expected));
  });
});
