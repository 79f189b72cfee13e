import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useAppStore, useAppStoreApi } from '../store/store-context.tsx';
import { selectEvent, selectLang, selectMapStatus } from '../store/selectors.ts';
import type { AppStore } from '../store/app-store.ts';
import { localize, translate } from '../i18n/index.ts';
import { eventCaption } from '../i18n/event-text.ts';
import { currentMap } from '../map/map-handle.ts';
import { loadStaticBasemap, StaticMap } from '../map/static-map.tsx';
import { EventDateline } from './event-dateline.tsx';
import { PartyCard } from './party-card.tsx';
import { ComparisonTable } from './comparison-table.tsx';
import { GapsTable } from './gaps-table.tsx';
import { KnownFacts } from './known-facts.tsx';
import { SourcesSection } from './sources-section.tsx';

/** What the handout shows that the store does not hold: the map as it was, and the page's address. */
interface PrintSnapshot {
  /** A PNG data URL of the live map's canvas; null prints the static map instead. */
  readonly mapImage: string | null;
  readonly pageUrl: string;
}

/**
 * The live map drawn for paper as a PNG (the page's width at print resolution, its place names
 * and badges at 8 pt and up, the legend and a scale bar: the map handle's `drawForPrint`), drawn
 * and read in this task (WebGL clears the drawing buffer once a frame is shown). Null without a
 * live, drawing map: loading, no WebGL, a lost context.
 */
function readMapImage(store: AppStore): string | null {
  const map = currentMap();
  if (!map || store.getState().view.mapStatus !== 'idle') return null;
  try {
    const canvas = map.drawForPrint();
    if (canvas.width === 0 || canvas.height === 0) return null;
    return canvas.toDataURL('image/png');
  } catch (error) {
    console.warn('Print: the map could not be drawn; the static map is printed instead', error);
    return null;
  }
}

/**
 * The printed handout: on screen it is an empty element; while the page is printed it holds
 * the whole event on paper (title, the map as it is on screen, every version in full, the
 * comparison, the measured gaps, what is known, the sources with their addresses, the
 * discussion questions, the credits), and print.css shows it in place of the page.
 *
 * It is built in a `beforeprint` handler, synchronously (the browser lays the page out for
 * paper as soon as the handler returns), and again for a print media query that turns on
 * without one (an emulated print medium); it is emptied after printing. Empty the rest of the
 * time, so the page keeps one copy of its ids and its prerendered HTML is unchanged.
 */
export function PrintHandout() {
  usePrintShortcut();
  const store = useAppStoreApi();
  const event = useAppStore(selectEvent);
  const lang = useAppStore(selectLang);
  const mapStatus = useAppStore(selectMapStatus);
  const [snapshot, setSnapshot] = useState<PrintSnapshot | null>(null);
  // Between beforeprint and afterprint: a print the browser announced.
  const isPrintEvent = useRef(false);

  useEffect(() => {
    const media = window.matchMedia?.('print');
    const show = () => flushSync(() => setSnapshot({ mapImage: readMapImage(store), pageUrl: window.location.href }));
    // Headless Chromium (page.pdf) fires beforeprint, then a change of the print query to
    // *false*, then to true, then afterprint, and false again: the query only decides outside
    // a print the browser announced (an emulated print medium, which fires no event).
    const onBeforePrint = () => {
      isPrintEvent.current = true;
      show();
    };
    const onAfterPrint = () => {
      isPrintEvent.current = false;
      if (!media?.matches) setSnapshot(null);
    };
    const onMediaChange = (e: MediaQueryListEvent) => {
      if (isPrintEvent.current) return;
      if (e.matches) show();
      else setSnapshot(null);
    };
    window.addEventListener('beforeprint', onBeforePrint);
    window.addEventListener('afterprint', onAfterPrint);
    media?.addEventListener('change', onMediaChange);
    return () => {
      window.removeEventListener('beforeprint', onBeforePrint);
      window.removeEventListener('afterprint', onAfterPrint);
      media?.removeEventListener('change', onMediaChange);
    };
  }, [store]);

  // Without a live map the static one is printed, and it is mounted only when printing starts:
  // its basemap must be here by then to be drawn at all.
  useEffect(() => {
    if (mapStatus === 'static' || mapStatus === 'error' || mapStatus === 'paused') {
      loadStaticBasemap().catch(() => undefined);
    }
  }, [mapStatus]);

  const questions = event.story?.questions ?? [];

  return (
    <div className="print-handout" data-testid="print-handout">
      {snapshot && (
        <article className="handout">
          <header className="handout-header">
            <p className="app-kicker">{translate(lang, 'app.kicker')}</p>
            <h1>{localize(event.title, lang)}</h1>
            <EventDateline event={event} lang={lang} />
          </header>
          <figure className="handout-map">
            {snapshot.mapImage ? (
              <img src={snapshot.mapImage} alt={translate(lang, 'print.mapAlt')} data-testid="print-map-image" />
            ) : (
              <StaticMap idPrefix="print-static" withNote={false} />
            )}
            <figcaption className="map-caption">{eventCaption(event, lang)}</figcaption>
          </figure>
          <p className="app-summary">{localize(event.summary, lang)}</p>
          <section className="handout-versions" aria-labelledby="print-versions-heading">
            <h2 id="print-versions-heading">{translate(lang, 'panel.heading')}</h2>
            <p className="panel-intro">{translate(lang, 'panel.intro')}</p>
            <div className="party-cards">
              {event.versions.map((version) => {
                const party = event.parties.find((p) => p.id === version.party);
                if (!party) return null;
                return (
                  <PartyCard
                    key={party.id}
                    event={event}
                    party={party}
                    version={version}
                    lang={lang}
                    isSelected={false}
                    onSelect={() => undefined}
                    variant="print"
                  />
                );
              })}
            </div>
          </section>
          <ComparisonTable variant="print" />
          <GapsTable variant="print" />
          <KnownFacts variant="print" />
          <SourcesSection variant="print" />
          {questions.length > 0 && (
            <section className="handout-questions" data-testid="print-questions" aria-labelledby="print-questions-heading">
              <h2 id="print-questions-heading">{translate(lang, 'print.questions')}</h2>
              <ol>
                {questions.map((question) => (
                  <li key={question.en}>{localize(question, lang)}</li>
                ))}
              </ol>
            </section>
          )}
          <footer className="handout-footer">
            <p>{localize(event.credits, lang)}</p>
            <p>{translate(lang, 'map.attribution')}</p>
            <p>
              {translate(lang, 'print.online')}{' '}
              <bdi className="printed-url" dir="ltr">
                {snapshot.pageUrl}
              </bdi>
            </p>
          </footer>
        </article>
      )}
    </div>
  );
}

/**
 * Everything a print needs before the browser lays the page out for paper, then the print: the
 * Arabic face (the handout quotes originals in Arabic on the English page too, and would print
 * them in a fallback font) and the handout's own map of the whole event (src/map/print-frame.ts).
 */
function printWhenReady(): Promise<void> {
  const fonts = document.fonts;
  const fontsReady = fonts
    ? Promise.all([fonts.load('400 1em "Noto Sans Arabic"', 'ب'), fonts.load('600 1em "Noto Sans Arabic"', 'ب')])
    : Promise.resolve();
  const mapReady = currentMap()?.preparePrint() ?? Promise.resolve();
  return Promise.all([fontsReady.catch(() => undefined), mapReady]).then(() => window.print());
}

/**
 * Ctrl/⌘+P prints the same handout as the button: until the handout's map is ready, the key
 * waits for it (the browser's own print would frame the reader's map as it stands). A print
 * from the browser's menu cannot be waited for, and frames the reader's map.
 */
export function usePrintShortcut(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'p') return;
      const map = currentMap();
      if (!map || map.isPrintFrameReady()) return;
      e.preventDefault();
      void printWhenReady();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

/** "Print handout", for the reader's header: pointed at or focused, it gets the handout's map ready. */
export function PrintButton() {
  const lang = useAppStore(selectLang);
  const [isPreparing, setPreparing] = useState(false);
  const warmUp = () => void currentMap()?.preparePrint();
  const print = () => {
    setPreparing(true);
    void printWhenReady().finally(() => setPreparing(false));
  };
  return (
    <button
      type="button"
      className="print-button"
      data-testid="print-button"
      onClick={print}
      onPointerEnter={warmUp}
      onFocus={warmUp}
      aria-busy={isPreparing || undefined}
    >
      {translate(lang, isPreparing ? 'print.preparing' : 'print.button')}
    </button>
  );
}
