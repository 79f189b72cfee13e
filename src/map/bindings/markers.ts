/**
 * The map's HTML markers: each place (a button that opens its details) and each party's
 * claim badge (a button that selects that version). They are the keyboard and screen-reader
 * route to what the canvas draws, and the browser shapes their Arabic. The badges follow the
 * selection (`aria-pressed`); a rebuilt map (a language switch) gets new ones.
 */
import { Marker, Popup, type Map as MapLibreMap, type PositionAnchor } from 'maplibre-gl';
import type { AppStore } from '../../store/app-store.ts';
import type { Lang, NewsEvent, Place } from '../../domain/types.ts';
import { LANG_DIR, localize, otherLang, translate } from '../../i18n/index.ts';
import { anchorFacingAway, type EventSources } from '../event-sources.ts';
import type { Unbind } from './types.ts';

export function bindMarkers(map: MapLibreMap, store: AppStore, sources: EventSources): Unbind {
  const { event, view } = store.getState();
  const badges = claimMarkers(event, view.lang, sources, store);
  const markers = [...placeMarkers(event, view.lang, map), ...badges];
  for (const marker of markers) marker.addTo(map);

  const showPressed = (partyId: string | null) => {
    for (const badge of badges) {
      const el = badge.getElement();
      el.setAttribute('aria-pressed', String(el.dataset.party === partyId));
    }
  };
  const unsubscribe = store.subscribe((s) => s.selection.partyId, showPressed);
  showPressed(store.getState().selection.partyId);

  return () => {
    unsubscribe();
    for (const marker of markers) marker.remove();
  };
}

/**
 * Marks an element's text as written in `lang`. The map pins itself to left-to-right (its
 * controls and markers are placed in pixels); its labels and popups take their direction back.
 */
function writtenIn(element: HTMLElement, lang: Lang): void {
  element.lang = lang;
  element.dir = LANG_DIR[lang];
}

/** Event and context places as HTML markers: shaped by the browser, reachable by keyboard. */
function placeMarkers(event: NewsEvent, lang: Lang, map: MapLibreMap): Marker[] {
  // One place's details open at a time; the marker toggles them (mouse, Enter or Space), Escape closes.
  let openPopup: Popup | null = null;
  return event.places
    .filter((place) => place.geometry.type === 'Point')
    .map((place) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = [
        'place-marker',
        `place-marker--${place.role}`,
        `place-marker--label-${place.labelSide}`,
        ...(place.approximate ? ['place-marker--approximate'] : []),
      ].join(' ');
      button.dataset.testid = 'place-marker';
      button.dataset.place = place.id;
      // The dot sits in a 24 × 24 px box: the marker stays a usable target when its name is hidden.
      const dot = document.createElement('span');
      dot.className = 'place-marker-dot';
      dot.setAttribute('aria-hidden', 'true');
      dot.append(document.createElement('span'));
      const label = document.createElement('span');
      label.className = 'place-marker-label';
      writtenIn(label, lang);
      label.textContent = place.approximate ? `≈ ${localize(place.name, lang)}` : localize(place.name, lang);
      button.append(dot, label);
      button.setAttribute('aria-label', placeDescription(place, lang));
      button.setAttribute('aria-expanded', 'false');
      // Not Marker.setPopup: its toggle listens to the map's click, which a marker's own
      // button must not trigger (it would also count as a click on the claim underneath).
      const popup = new Popup({ offset: 14, closeButton: true, closeOnClick: false, focusAfterOpen: false, maxWidth: '260px' })
        .setLngLat([...place.anchor])
        .setDOMContent(placePopupContent(place, lang));
      popup.on('open', () => button.setAttribute('aria-expanded', 'true'));
      popup.on('close', () => button.setAttribute('aria-expanded', 'false'));
      button.addEventListener('click', () => {
        const wasOpen = popup.isOpen();
        openPopup?.remove();
        openPopup = wasOpen ? null : popup.addTo(map);
      });
      button.addEventListener('keydown', (e) => {
        if (e.key === 'Escape' && popup.isOpen()) popup.remove();
      });
      // The dot's centre, 12 px into its box, is the place's position.
      const [anchor, offset]: [PositionAnchor, [number, number]] = place.approximate
        ? ['center', [0, 0]]
        : place.labelSide === 'left'
          ? ['right', [12, 0]]
          : ['left', [-12, 0]];
      return new Marker({ element: button, anchor, offset }).setLngLat([...place.anchor]);
    });
}

function placeDescription(place: Place, lang: Lang): string {
  const name = localize(place.name, lang);
  return place.approximate ? `${name} (${translate(lang, 'map.approximate')})` : name;
}

function placePopupContent(place: Place, lang: Lang): HTMLElement {
  const root = document.createElement('div');
  root.className = 'place-popup';
  writtenIn(root, lang);
  const title = document.createElement('strong');
  title.textContent = localize(place.name, lang);
  const otherName = document.createElement('bdi');
  const other = otherLang(lang);
  writtenIn(otherName, other);
  otherName.className = 'place-popup-other';
  otherName.textContent = place.name[other];
  const note = document.createElement('p');
  note.textContent = localize(place.precision, lang);
  root.append(title, ' ', otherName, note);
  return root;
}

/** One badge per party on its claimed geometry: the keyboard route to the map's claims. */
function claimMarkers(event: NewsEvent, lang: Lang, sources: EventSources, store: AppStore): Marker[] {
  return sources.claimAnchors.features.flatMap((anchorPoint) => {
    const party = event.parties.find((p) => p.id === anchorPoint.properties.party);
    const version = event.versions.find((v) => v.party === anchorPoint.properties.party);
    if (!party || !version) return [];
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `claim-marker claim-marker--${party.mark.line}`;
    button.dataset.testid = 'claim-marker';
    button.dataset.party = party.id;
    button.style.setProperty('--party-color', party.mark.color);
    writtenIn(button, lang);
    const badge = `${localize(party.shortName, lang)}: ${translate(lang, 'map.claimBadge')}`;
    button.textContent = badge;
    button.setAttribute('aria-pressed', 'false');
    button.setAttribute(
      'aria-label',
      translate(lang, 'map.claimMarkerLabel', { badge, place: localize(version.place.label, lang) }),
    );
    button.addEventListener('click', () => store.getState().selectParty(party.id, 'map'));
    const [lon, lat] = anchorPoint.geometry.coordinates;
    // Hung outside the claim, on the side its point faces, so that it covers neither the
    // claim's own label nor the places inside it.
    const anchor = anchorFacingAway(anchorPoint.properties.outwardBearing);
    return [new Marker({ element: button, anchor }).setLngLat([lon ?? 0, lat ?? 0])];
  });
}
