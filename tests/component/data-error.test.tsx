import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { DataErrorPage } from '../../src/app/data-error.tsx';
import type { DataIssue } from '../../src/domain/load-event.ts';
import { ar } from '../../src/i18n/ar.ts';
import { en } from '../../src/i18n/en.ts';

// Shaped as the validator reports a missing translation (tests/unit/load-event.test.ts checks
// the validator itself; this checks how its report is shown).
const issues = (): DataIssue[] => [
  {
    file: 'data/events/badia-2018-12-02/places.geojson',
    record: 'feature "sukhnah"',
    field: 'name.ar',
    expected: 'a non-empty string',
    got: '""',
  },
];

describe('DataErrorPage', () => {
  for (const [lang, dictionary] of [
    ['en', en],
    ['ar', ar],
  ] as const) {
    it(`says what is wrong in ${lang}, and names the file, record and field as the validator wrote them`, () => {
      render(<DataErrorPage issues={issues()} lang={lang} />);
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(dictionary['error.heading']);
      const item = screen.getByRole('listitem');
      expect(item.textContent).toContain('places.geojson');
      expect(item.textContent).toContain('sukhnah');
      expect(item.textContent).toContain(dictionary['error.expected']);
      // The validator's own words stay English and left-to-right inside the Arabic page.
      expect(item.querySelector('bdi[dir="ltr"]')?.textContent).toContain('places.geojson');
    });
  }
});
