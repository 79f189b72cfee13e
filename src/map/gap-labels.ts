/**
 * What a measured gap's label on the map says: which two claims it measures, by the parties'
 * short names from the data, and how far apart they are ("SANA ↔ SOHR: 65–190 km"). Pure, so
 * that it is tested in Node; the markers binding draws and places it.
 */
import type { GapLineProperties, Lang, NewsEvent } from '../domain/types.ts';
import { formatDistanceRange } from '../i18n/format.ts';
import { localize, translate } from '../i18n/index.ts';

export function gapLabelText(
  event: Pick<NewsEvent, 'parties'>,
  gap: Pick<GapLineProperties, 'from' | 'to' | 'nearestKm' | 'farthestKm'>,
  lang: Lang,
): string {
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
  return translate(lang, 'map.gapLabel', { from: short(gap.from), to: short(gap.to), range });
}
