/**
 * What a measured gap's label on the map says: which two claims it measures, by the parties'
 * short names from the data, and how far apart they are ("SANA ↔ SOHR: 65–190 km"). Pure, so
 * that it is tested in Node; the markers binding draws and places it.
 */
import type { GapLineProperties, Lang, NewsEvent } from '../domain/types.ts';
import { formatDistanceRange } from '../i18n/format.ts';
import { localize, translate } from '../i18n/index.ts';

/** A piece of a label: the dictionary's own words, or a value put into them. */
export interface LabelPiece {
  readonly text: string;
  /**
   * A value (a party's short name, the range): shown bidi-isolated (<bdi>), so that a name in
   * the other script, or the numbers and their dash, cannot reorder the label around them.
   */
  readonly isolated: boolean;
}

/** The label in pieces, in the dictionary's order (see LabelPiece). */
export function gapLabelPieces(
  event: Pick<NewsEvent, 'parties'>,
  gap: Pick<GapLineProperties, 'from' | 'to' | 'nearestKm' | 'farthestKm'>,
  lang: Lang,
): LabelPiece[] {
  const short = (id: string) => {
    const party = event.parties.find((p) => p.id === id);
    if (!party) throw new Error(`gapLabelText: no party "${id}"`);
    return localize(party.shortName, lang);
  };
  const parts = formatDistanceRange(gap.nearestKm, gap.farthestKm, lang, false);
  const range =
    parts.kind === 'about'
      ? translate(lang, 'map.gapAbout', { high: parts.highNumber })
      : translate(lang, 'map.gapRange', { low: parts.lowNumber, high: parts.highNumber });
  const values: Readonly<Record<string, string>> = { from: short(gap.from), to: short(gap.to), range };
  // split() with a capturing group: the template's words at even indices, placeholder names at odd.
  return translate(lang, 'map.gapLabel')
    .split(/\{(\w+)\}/)
    .map((text, i) => (i % 2 === 1 ? { text: values[text] ?? `{${text}}`, isolated: true } : { text, isolated: false }))
    .filter((piece) => piece.text !== '');
}

export function gapLabelText(
  event: Pick<NewsEvent, 'parties'>,
  gap: Pick<GapLineProperties, 'from' | 'to' | 'nearestKm' | 'farthestKm'>,
  lang: Lang,
): string {
  return gapLabelPieces(event, gap, lang)
    .map((piece) => piece.text)
    .join('');
}
