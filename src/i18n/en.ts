/**
 * Interface strings, English. This dictionary is the source of truth for the keys; content
 * (places, parties, versions) is translated in data/, not here.
 */
export const en = {
  'app.kicker': 'Contested event',
  'app.dateLine': 'Sunday 2 December 2018',
  'map.label': 'Map of the claimed strike locations',
  'map.loading': 'Loading the map…',
  'map.caption':
    'Three claimed locations, far apart: SANA named an area south of al-Sukhnah, about 155 km north of the al-Tanf garrison; SOHR gave only a distance, about 35 km from al-Tanf, drawn as a ring; the coalition named no place beyond "the Syrian Badia". Select a version to see its place.',
  'map.staticNote':
    'This browser cannot draw the interactive map (WebGL is unavailable), so a static map is shown. Every version is below.',
  'map.error': 'The map could not be loaded. Every version is still in the panel.',
  'map.paused': 'The map is paused: the browser took its graphics context away. It will come back, or a static map will replace it.',
  'map.attribution': 'Made with Natural Earth',
  'map.claimBadge': 'claimed place',
  'map.approximate': 'approximate',
  'map.placeDetails': 'Details of {name}',
  // Starts with the badge's visible text, so the spoken name contains what is seen (WCAG 2.5.3).
  'map.claimMarkerLabel': '{badge} — {place}',
  'panel.heading': 'What each party says',
  'panel.intro': 'Claims, as each party made them. None has been independently verified.',
  'card.show': 'Show on map',
  'card.shown': 'Shown on map',
  'card.speaker': 'Who spoke',
  'card.channel': 'How',
  'card.time': 'Time of the strike',
  'card.target': 'Claimed target',
  'card.place': 'Claimed place',
  'card.precision': 'Precision',
  'card.weapons': 'Weapons',
  'card.damage': 'Damage',
  'card.later': 'Later statements',
  'card.laterNone': 'None reported.',
  'card.quotes': 'In their words',
  'card.quoteOriginal': 'Arabic original',
  'card.quoteTranslation': 'Translation by the editors',
  'card.sources': 'Sources',
  'card.timeLocal': '{local} Syria time ({utc} UTC)',
  'known.heading': 'What is known',
  'known.intro': 'Checked by the editors against several sources. These are not claims by any party.',
  'sources.link': 'link',
  'footer.credits': 'Basemap: Natural Earth (public domain). Source article: AFP (Arabic), 2 December 2018.',
  'error.heading': 'The data for this map is malformed',
  'error.intro': 'Nothing is shown, so that nothing wrong is shown. Fix these in data/:',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Readonly<Record<MessageKey, string>>;
