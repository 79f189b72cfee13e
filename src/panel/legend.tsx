import { useId, useState, type ReactNode } from 'react';
import { useAppStore, useAppStoreApi } from '../store/store-context.tsx';
import { selectEvent, selectLang } from '../store/selectors.ts';
import { localize, translate, type MessageKey } from '../i18n/index.ts';
import type { MapLayer } from '../domain/layers.ts';
import { PartySwatch } from './party-swatch.tsx';
import { claimWeights } from '../map/ink.ts';
import { numberFormat } from '../i18n/format.ts';

/** The frame every legend sample is drawn in; its colours come from `.legend-sample--<kind>`. */
function SampleSvg({ kind, children }: { kind: string; children: ReactNode }) {
  return (
    <svg
      className={`legend-sample legend-sample--${kind}`}
      width="28"
      height="20"
      viewBox="0 0 28 20"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

/**
 * A line sample as the map draws it: width and dashes here, the colour from app.css
 * (`.legend-sample--<kind>`), which follows the theme as the map's palette does.
 */
function LineSample({ kind, dash, width = 2 }: { kind: 'ring' | 'gap' | 'border' | 'water'; dash?: string; width?: number }) {
  return (
    <SampleSvg kind={kind}>
      <line
        x1="2"
        y1="10"
        x2="26"
        y2="10"
        stroke="currentColor"
        strokeWidth={width}
        strokeDasharray={dash}
        strokeLinecap="round"
      />
    </SampleSvg>
  );
}

/** An area sample; its fill and edge from app.css, as for LineSample. */
function AreaSample({ kind }: { kind: 'highlighted' | 'region' }) {
  return (
    <SampleSvg kind={kind}>
      <rect x="1.5" y="1.5" width="25" height="17" rx="2" />
    </SampleSvg>
  );
}

/** A place marker as the map draws it: a ringed dot (the story's places) or a small dot (context). */
function PlaceSample({ kind }: { kind: 'event' | 'approximate' | 'context' }) {
  return (
    <span className={`legend-place legend-place--${kind}`} aria-hidden="true">
      {kind === 'approximate' ? '≈' : <span />}
    </span>
  );
}

/**
 * One legend, generated from the same data as the map: every party's mark, the kinds of place,
 * the context rings, the gaps and the basemap's areas and lines, in the page's language. It is
 * also where the map's layers are switched on and off (the store holds which; the map and the
 * URL follow). Collapsed behind a button on narrow screens and in an embed; always open on
 * wide ones, where there is room.
 */
export function Legend() {
  const event = useAppStore(selectEvent);
  const lang = useAppStore(selectLang);
  const layers = useAppStore((s) => s.view.layers);
  const store = useAppStoreApi();
  const [isExpanded, setExpanded] = useState(false);
  const bodyId = useId();
  const t = (key: MessageKey, values?: Record<string, string>) => translate(lang, key, values);
  const contextRings = event.rings.filter(
    (ring) => !event.versions.some((v) => v.place.geometry.kind === 'ring' && v.place.geometry.ring === ring.id),
  );
  // Each claim's ink as the map draws it, from the same computation (src/map/ink.ts).
  const weights = claimWeights(event);
  const percent = numberFormat(lang, { style: 'percent' });
  const weightList = event.parties
    .map((p) => t('legend.claimWeightItem', { party: localize(p.shortName, lang), percent: percent.format(weights[p.id] ?? 1) }))
    .join(lang === 'ar' ? '، ' : ', ');
  const hasContextPlaces = event.places.some((p) => p.role === 'context');
  const hasApproximate = event.places.some((p) => p.role === 'event' && p.approximate);

  const toggle = (layer: MapLayer, label: string) => (
    <label className="legend-toggle">
      <input
        type="checkbox"
        data-testid={`layer-${layer}`}
        checked={layers[layer]}
        onChange={(e) => store.getState().setLayer(layer, e.currentTarget.checked)}
      />{' '}
      {label}
    </label>
  );

  return (
    <section className="legend" data-testid="legend" data-expanded={isExpanded} aria-labelledby={`${bodyId}-heading`}>
      <div className="legend-head">
        <h2 id={`${bodyId}-heading`}>{t('legend.heading')}</h2>
        <button
          type="button"
          className="legend-expand"
          aria-expanded={isExpanded}
          aria-controls={bodyId}
          onClick={() => setExpanded(!isExpanded)}
        >
          {t(isExpanded ? 'legend.hide' : 'legend.show')}
        </button>
      </div>
      <div className="legend-body" id={bodyId}>
        <fieldset className="legend-group">
          <legend>{toggle('claims', t('legend.claims'))}</legend>
          <ul>
            {event.parties.map((party) => (
              <li key={party.id}>
                <PartySwatch party={party} idPrefix="legend" /> {localize(party.name, lang)}
              </li>
            ))}
          </ul>
          <p className="legend-note" data-testid="legend-claim-weight">
            {t('legend.claimWeight', { weights: weightList })}
          </p>
        </fieldset>
        <fieldset className="legend-group">
          <legend>{t('legend.places')}</legend>
          <ul>
            <li>
              <PlaceSample kind="event" /> {t('legend.eventPlace')}
            </li>
            {hasApproximate && (
              <li>
                <PlaceSample kind="approximate" /> {t('legend.approximatePlace')}
              </li>
            )}
            {hasContextPlaces && <li>{toggle('context', t('legend.contextPlaces'))}</li>}
          </ul>
        </fieldset>
        {contextRings.length > 0 && (
          <fieldset className="legend-group">
            <legend>{toggle('rings', t('legend.rings'))}</legend>
            <ul>
              {contextRings.map((ring) => (
                <li key={ring.id}>
                  <LineSample kind="ring" dash="5 3" width={1.5} /> {localize(ring.label, lang)}
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        {event.versions.length > 1 && (
          <fieldset className="legend-group">
            <legend>{toggle('gaps', t('legend.gaps'))}</legend>
            <ul>
              <li>
                <LineSample kind="gap" dash="5 3" width={2.5} /> {t('legend.gapsLine')}
              </li>
            </ul>
          </fieldset>
        )}
        <fieldset className="legend-group">
          <legend>{t('legend.basemap')}</legend>
          <ul>
            {event.map.highlightCountries.length > 0 && (
              <li>
                <AreaSample kind="highlighted" /> {t('legend.highlighted')}
              </li>
            )}
            {event.map.regions.length > 0 && (
              <li>
                <AreaSample kind="region" /> {t('legend.region')}
              </li>
            )}
            <li>
              <LineSample kind="border" width={1.5} /> {t('legend.borders')}
            </li>
            <li>
              <LineSample kind="water" /> {t('legend.water')}
            </li>
          </ul>
        </fieldset>
      </div>
    </section>
  );
}
