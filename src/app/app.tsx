import { useAppStore } from '../store/store-context.tsx';
import { selectEvent, selectLang } from '../store/selectors.ts';
import { localize, translate } from '../i18n/index.ts';
import { formatLocalAndUtcTime } from '../i18n/format.ts';
import { MapView } from '../map/map-view.tsx';
import { VersionPanel } from '../panel/version-panel.tsx';
import { KnownFacts } from '../panel/known-facts.tsx';

export function App() {
  const event = useAppStore(selectEvent);
  const lang = useAppStore(selectLang);
  const time = formatLocalAndUtcTime(event.occurred.utc, event.occurred.timeZone, lang);
  return (
    <div className="app">
      <header className="app-header">
        <p className="app-kicker">{translate(lang, 'app.kicker')}</p>
        <h1>{localize(event.title, lang)}</h1>
        <p className="app-dateline">
          <time dateTime={event.occurred.utc}>
            {translate(lang, 'app.dateLine')} · {event.occurred.approximate ? '≈ ' : ''}
            {translate(lang, 'card.timeLocal', time)}
          </time>
          <span className="muted"> — {localize(event.occurred.note, lang)}</span>
        </p>
      </header>
      <main className="app-main">
        <div className="map-pane">
          <MapView />
        </div>
        <div className="panel">
          <p className="app-summary">{localize(event.summary, lang)}</p>
          <VersionPanel />
          <KnownFacts />
          <footer className="app-footer">
            <p>{translate(lang, 'footer.credits')}</p>
          </footer>
        </div>
      </main>
    </div>
  );
}
