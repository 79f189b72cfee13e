import { useRef } from 'react';
import { useAppStore } from '../store/store-context.tsx';
import { selectEvent, selectLang } from '../store/selectors.ts';
import { stateHref } from '../store/state-href.ts';
import { DEFAULT_DISPLAY } from '../store/url-params.ts';
import { localize, translate } from '../i18n/index.ts';
import { eventCaption } from '../i18n/event-text.ts';
import { MapView } from '../map/map-view.tsx';
import { VERSIONS_LIST_ID, VersionPanel } from '../panel/version-panel.tsx';
import { Legend } from '../panel/legend.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { STORY_HEADING_ID, StoryPanel } from '../story/story-panel.tsx';
import { SkipLink } from '../ui/skip-link.tsx';
import { useInsetParty } from '../embed/keep-map-in-view.ts';
import { CardInsetContext } from '../embed/card-inset-slot.tsx';
import { ClaimInset } from '../embed/claim-inset.tsx';

/**
 * The page inside a news article's `<iframe>` (`?embed=1`): the title, the map, every version
 * in compact form (each card one click from its whole text), the credits and a way out to the
 * full page. Its height is its content's, never the viewport's: the frame is sized to it
 * (src/embed/auto-height.ts), and a page sized to its frame would never shrink.
 */
export function EmbedApp() {
  const event = useAppStore(selectEvent);
  const lang = useAppStore(selectLang);
  const isPlain = useAppStore((s) => s.view.display.plain);
  const isStoryOpen = useAppStore((s) => s.story.chapter !== null);
  const fullPageHref = useAppStore((s) => stateHref(s, { display: DEFAULT_DISPLAY }));
  const mapPaneRef = useRef<HTMLDivElement>(null);
  const insetParty = useInsetParty(mapPaneRef);
  const cardInset = (partyId: string) => (partyId === insetParty ? <ClaimInset partyId={partyId} /> : null);

  const openFull = (
    <a className="embed-open-full" href={fullPageHref} target="_blank" rel="noopener">
      {translate(lang, 'embed.openFull')} <span className="visually-hidden">{translate(lang, 'embed.newTab')}</span>
      <span aria-hidden="true">↗</span>
    </a>
  );

  return (
    <div className="embed-app" data-testid="embed">
      <SkipLink targetId={isStoryOpen ? STORY_HEADING_ID : VERSIONS_LIST_ID} />
      {!isPlain && (
        <header className="embed-header">
          <h1>{localize(event.title, lang)}</h1>
          <LanguageSwitch />
        </header>
      )}
      <main className="embed-main">
        <div className="map-pane" ref={mapPaneRef}>
          <MapView caption={eventCaption(event, lang)} />
        </div>
        <div className="embed-panel">
          {isStoryOpen ? (
            <>
              <StoryPanel />
              <Legend />
            </>
          ) : (
            <>
              <Legend />
              <CardInsetContext.Provider value={cardInset}>
                <VersionPanel variant="compact" />
              </CardInsetContext.Provider>
            </>
          )}
        </div>
      </main>
      <footer className="embed-footer">
        {!isPlain && <p className="embed-credits">{localize(event.credits, lang)}</p>}
        {openFull}
      </footer>
    </div>
  );
}
