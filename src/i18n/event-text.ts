/**
 * Words the page writes about the event from its data: the caption with its computed distances,
 * and the names of the languages its quotes were spoken in.
 */
import { CAPTION_DISTANCE, placePairKey } from '../domain/caption.ts';
import type { ClaimGap, Lang, NewsEvent, Quote } from '../domain/types.ts';
import { formatDistanceKm, formatDistanceRange, LOCALES } from './format.ts';
import { localize, translate } from './index.ts';

/**
 * The event's caption in `lang`, each `{distance:a:b}` replaced by the distance between the two
 * places' anchors, as the build measured it (Turf), rounded: the words follow the geometry.
 */
export function eventCaption(event: NewsEvent, lang: Lang): string {
  return localize(event.caption, lang).replace(CAPTION_DISTANCE, (whole, from: string, to: string) => {
    const km = event.derived.placeDistancesKm[placePairKey(from, to)];
    return km === undefined ? whole : formatDistanceKm(km, lang);
  });
}

/** A party's short name in `lang`, or its id for one the event does not have. */
export function partyShortName(event: NewsEvent, partyId: string, lang: Lang): string {
  const party = event.parties.find((p) => p.id === partyId);
  return party ? localize(party.shortName, lang) : partyId;
}

/** "Arabic", "الإنجليزية": the name of a language tag, in `lang`; the tag itself if Intl has no name for it. */
export function languageName(tag: string, lang: Lang): string {
  try {
    return new Intl.DisplayNames([LOCALES[lang]], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The words of a quote a reader of `lang` reads first: the original when it is in `lang`, else the translation. */
export function quoteText(quote: Quote, lang: Lang): { text: string; isOriginal: boolean } {
  const translation = quote.translations[lang];
  return translation === undefined ? { text: quote.original.text, isOriginal: true } : { text: translation, isOriginal: false };
}

/**
 * A measured gap in words, never more precise than the data: "between 65 and 190 km",
 * "about 35 km", or, where the claims overlap, "they overlap; up to 250 km apart".
 */
export function gapText(gap: Pick<ClaimGap, 'nearestKm' | 'farthestKm' | 'overlaps'>, lang: Lang): string {
  const parts = formatDistanceRange(gap.nearestKm, gap.farthestKm, lang, gap.overlaps);
  const key = parts.kind === 'overlap' ? 'gap.overlap' : parts.kind === 'about' ? 'gap.about' : 'gap.range';
  return translate(lang, key, { low: parts.lowNumber, high: parts.high });
}
