import { useEffect } from 'react';
import { useAppStore } from '../store/store-context.tsx';
import { selectEvent, selectLang } from '../store/selectors.ts';
import { LANG_DIR, localize, translate } from '../i18n/index.ts';
import { translateRich } from '../i18n/rich.tsx';
import { formatEventDay, formatLocalAndUtcTime } from '../i18n/format.ts';
import { eventCaption } from '../i18n/event-text.ts';
import { MapView } from '../map/map-view.tsx';
import { VERSIONS_LIST_ID, VersionPanel } from '../panel/version-panel.tsx';
import { Legend } from '../panel/legend.tsx';
import { ComparisonTable } from '../panel/comparison-table.tsx';
import { GapsTable } from '../panel/gaps-table.tsx';
import { Timeline } from '../panel/timeline.tsx';
import { Glossary } from '../panel/glossary.tsx';
import { SourcesSection } from '../panel/sources-section.tsx';
import { KnownFacts } from '../panel/known-facts.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { EmbedApp } from './embed-app.tsx';
import { StoryPanel, StoryStart } from '../story/story-panel.tsx';
import { useStoryKeys } from '../story/story-keys.ts';
import { usePresentation } from '../story/presentation.ts';
import { PrintHandout } from '../panel/print-handout.tsx';
import { ShareTools } from './share-tools.tsx';
import { useStickyMapStandsDown } from './sticky-map.ts';
import { SkipLink } from '../ui/skip-link.tsx';
import { STORY_HEADING_ID } from '../story/story-panel.tsx';

/** The page in the mode the URL asked for: the full reader's page, or the compact embed. */
export function App() {
  const isEmbed = useAppStore((s) => s.view.display.embed);
  const event = useAppStore(selectEvent);
  const lang = useAppStore(selectLang);
  const isStoryOpen = useAppStore((s) => s.story.chapter !== null);
  const isPresenting = useAppStore((s) => s.story.presenting);
  useStoryKeys(isStoryOpen);
  usePresentation(isPresenting);

  // The document follows the store: the first render already matches (index.html is set
  // before it), a language switch changes them here.
  useEffect(() => {
    const root = document.documentElement;
    root.lang = lang;
    root.dir = LANG_DIR[lang];
    document.title = localize(event.title, lang);
    document.querySelector('meta[name="description"]')?.setAttribute('content', localize(event.description, lang));
  }, [event, lang]);

  // The handout is the page on paper in every mode (print.css shows it in place of the page).
  return (
    <>
      {isEmbed ? <EmbedApp /> : <ReaderApp />}
      <PrintHandout />
    </>
  );
}

function ReaderApp() {
  const event = useAppStore(selectEvent);
  const lang = useAppStore(selectLang);
  const time = formatLocalAndUtcTime(event.occurred.utc, event.occurred.timeZone, lang);
  const isStoryOpen = useAppStore((s) => s.story.chapter !== null);
  const isPresenting = useAppStore((s) => s.story.presenting);
  const mapStandsDown = useStickyMapStandsDown(VERSIONS_LIST_ID, !isStoryOpen);

  return (
    <div className="app">
      <SkipLink targetId={isStoryOpen ? STORY_HEADING_ID : VERSIONS_LIST_ID} />
      <header className="app-header" hidden={isPresenting}>
        <div className="app-header-top">
          <p className="app-kicker">{translate(lang, 'app.kicker')}</p>
          <div className="app-header-tools">
            <LanguageSwitch />
            <ShareTools />
          </div>
        </div>
        <h1>{localize(event.title, lang)}</h1>
        <p className="app-dateline">
          <time dateTime={event.occurred.utc}>
            {formatEventDay(event.occurred.utc, event.occurred.timeZone, lang)} · {event.occurred.approximate ? '≈ ' : ''}
            {translateRich(lang, 'card.timeLocal', { ...time, zone: localize(event.occurred.timeZoneName, lang) })}
          </time>
          <span className="muted"> — {localize(event.occurred.note, lang)}</span>
        </p>
      </header>
      <main className="app-main" data-map-stands-down={mapStandsDown || undefined}>
        <div className="map-pane">
          <MapView caption={eventCaption(event, lang)} />
        </div>
        {isStoryOpen ? (
          <div className="panel panel--story">
            <StoryPanel />
            {!isPresenting && <Legend />}
          </div>
        ) : (
          <div className="panel">
            <p className="app-summary">{localize(event.summary, lang)}</p>
            {/* The versions come before the map's legend, so that a laptop's first screen shows
                one: the legend explains a map the reader already sees beside it. */}
            <StoryStart />
            <VersionPanel />
            <Legend />
            <ComparisonTable />
            <GapsTable />
            <Timeline />
            <KnownFacts />
            <Glossary />
            <SourcesSection />
            <footer className="app-footer">
              <p>{localize(event.credits, lang)}</p>
            </footer>
          </div>
        )}
      </main>
    </div>
  );
}
