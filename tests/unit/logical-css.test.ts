// The Arabic mirror comes from the CSS being written in logical properties: a `margin-left` or
// `text-align: right` would stay put when the page turns right-to-left. This reads every
// stylesheet under src/ and every inline style set from TypeScript, and lists the physical ones.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function filesUnder(dir: string, extensions: readonly string[]): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, extensions);
    return extensions.some((ext) => entry.name.endsWith(ext)) ? [path] : [];
  });
}

/** Declarations that name a physical side for inline (horizontal) layout. */
const PHYSICAL_PROPERTY =
  /^(?:margin|padding|border)-(?:left|right)(?:-\w+)?$|^(?:left|right)$|^border-(?:top|bottom)-(?:left|right)-radius$/;
const PHYSICAL_VALUE = /^(?:text-align|float|clear)$/;

function physicalDeclarations(css: string): string[] {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const found: string[] = [];
  // Declarations only: `prop: value` inside braces, not selectors such as .place-marker--label-left.
  for (const block of withoutComments.matchAll(/\{([^{}]*)\}/g)) {
    for (const declaration of (block[1] ?? '').split(';')) {
      const [rawProperty, ...rest] = declaration.split(':');
      const property = rawProperty?.trim().toLowerCase() ?? '';
      const value = rest.join(':').trim().toLowerCase();
      if (!property) continue;
      if (PHYSICAL_PROPERTY.test(property)) found.push(`${property}: ${value}`);
      if (PHYSICAL_VALUE.test(property) && /\b(?:left|right)\b/.test(value)) found.push(`${property}: ${value}`);
    }
  }
  return found;
}

describe('logical CSS', () => {
  it('finds the physical declarations it looks for (the scanner itself)', () => {
    expect(
      physicalDeclarations(
        '.a { margin-left: 1px; inset-inline-start: 0; text-align: right } .b--left { padding-inline: 2px; float: left; right: 0 }',
      ),
    ).toEqual(['margin-left: 1px', 'text-align: right', 'float: left', 'right: 0']);
  });

  for (const file of filesUnder(SRC, ['.css'])) {
    it(`${relative(SRC, file)} uses logical properties for inline layout`, () => {
      expect(physicalDeclarations(readFileSync(file, 'utf8'))).toEqual([]);
    });
  }

  it('sets no physical side from TypeScript either (style props, style.setProperty)', () => {
    const offenders = filesUnder(SRC, ['.ts', '.tsx']).flatMap((file) =>
      [
        ...readFileSync(file, 'utf8').matchAll(
          /(?:setProperty\(\s*'|style=\{\{[^}]*\b)(margin-?[lL]eft|margin-?[rR]ight|padding-?[lL]eft|padding-?[rR]ight|left|right)\b/g,
        ),
      ].map((m) => `${relative(SRC, file)}: ${m[0]}`),
    );
    expect(offenders).toEqual([]);
  });
});
