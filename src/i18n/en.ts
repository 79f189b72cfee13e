/**
 * Interface strings, English. This dictionary is the source of truth for the keys; content
 * (places, parties, versions) is translated in data/, not here.
 */
export const en = {
  'app.documentTitle': 'One strike, three versions: the Syrian desert, 2 December 2018',
  'app.kicker': 'Contested event',
  'lang.switchTo': 'العربية',
  'lang.switchLabel': 'اقرأ هذه الصفحة بالعربية',
  'map.label': 'Map of the claimed strike locations',
  'map.loading': 'Loading the map…',
  'map.caption':
    'Three claimed locations, far apart: SANA named an area south of al-Sukhnah, about {distance} north of the al-Tanf garrison; SOHR gave only a distance, about 35 km from al-Tanf, drawn as a ring; the coalition named no place beyond "the Syrian Badia". Select a version to see its place.',
  'map.staticNote':
    'This browser cannot draw the interactive map (WebGL is unavailable), so a static map is shown. Every version is below.',
  'map.error': 'The map could not be loaded. Every version is still in the panel.',
  'map.paused':
    'The map is paused: the browser took its graphics context away. It will come back, or a static map will replace it.',
  'map.attribution': 'Made with Natural Earth',
  'map.claimBadge': 'claimed place',
  'map.approximate': 'approximate',
  // Starts with the badge's visible text, so the spoken name contains what is seen (WCAG 2.5.3).
  'map.claimMarkerLabel': '{badge} — {place}',
  // MapLibre's own control strings, passed through its `locale` option.
  'maplibre.zoomIn': 'Zoom in',
  'maplibre.zoomOut': 'Zoom out',
  'maplibre.resetBearing': 'Reset bearing to north',
  'maplibre.popupClose': 'Close popup',
  'maplibre.toggleAttribution': 'Toggle attribution',
  'maplibre.mapTitle': 'Map',
  'maplibre.markerTitle': 'Map marker',
  'maplibre.kilometers': 'km',
  'maplibre.meters': 'm',
  'maplibre.euphrates': 'Euphrates',
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
  'card.quoteShowOriginal': 'Show the Arabic original',
  'card.quoteSource': 'Quoted in {publisher}',
  'known.heading': 'What is known',
  'known.intro': 'Checked by the editors against several sources. These are not claims by any party.',
  'punctuation.comma': ', ',
  'footer.credits': 'Basemap: Natural Earth (public domain). Source article: AFP (Arabic), 2 December 2018.',
  'error.heading': 'The data for this map is malformed',
  'error.intro': 'Nothing is shown, so that nothing wrong is shown. Fix these in data/:',
  'error.expected': 'expected',
  'error.got': 'got',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Readonly<Record<MessageKey, string>>;
