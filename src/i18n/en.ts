/**
 * Interface strings, English. This dictionary is the source of truth for the keys. It holds only
 * words that are true of any event: everything about the event itself (its title, caption,
 * credits, time zone, places, parties and versions) is written in its data folder, not here.
 */
export const en = {
  'app.kicker': 'Contested event',
  'lang.switchTo': 'العربية',
  'lang.switchLabel': 'اقرأ هذه الصفحة بالعربية',
  'map.label': 'Map of the claimed locations',
  'map.loading': 'Loading the map…',
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
  'panel.heading': 'What each party says',
  'panel.intro': 'Claims, as each party made them, side by side.',
  'card.show': 'Show on map',
  'card.shown': 'Shown on map',
  'card.speaker': 'Who spoke',
  'card.channel': 'How',
  'card.time': 'Time given',
  'card.target': 'Claimed target',
  'card.place': 'Claimed place',
  'card.precision': 'Precision',
  'card.weapons': 'Weapons',
  'card.damage': 'Damage',
  'card.later': 'Later statements',
  'card.laterNone': 'None reported.',
  'card.quotes': 'In their words',
  'card.quoteOriginal': 'Original ({language})',
  'card.quoteTranslation': 'Translation by the editors',
  'card.sources': 'Sources',
  'card.timeLocal': '{local} {zone} ({utc} UTC)',
  'card.quoteShowOriginal': 'Show the original ({language})',
  'card.quoteSource': 'Quoted in {publisher}',
  'known.heading': 'What is known',
  'known.intro': 'Checked by the editors against several sources. These are not claims by any party.',
  'punctuation.comma': ', ',
  'error.heading': 'The data for this map is malformed',
  'error.intro': 'Nothing is shown, so that nothing wrong is shown. Fix these in data/:',
  'error.expected': 'expected',
  'error.got': 'got',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Readonly<Record<MessageKey, string>>;
