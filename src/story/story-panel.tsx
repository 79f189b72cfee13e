import { useEffect, useRef, useState } from 'react';
import { useAppStore, useAppStoreApi } from '../store/store-context.tsx';
import { selectEvent, selectLang } from '../store/selectors.ts';
import { localize, translate, type MessageKey } from '../i18n/index.ts';
import { partyShortName } from '../i18n/event-text.ts';
import { canStep, paragraphs } from '../domain/story.ts';
import { PartySwatch } from '../panel/party-swatch.tsx';
import { requestFullscreen } from './presentation.ts';
import { readerHasActed } from '../ui/reader-input.ts';

/** Where the page's skip link takes focus in a story: the chapter's heading. */
export const STORY_HEADING_ID = 'story-chapter-title';

/**
 * The guided story's panel, the same in the reader's page, an embed and presentation mode: the
 * chapter's progress, title and text, what the map highlights, optional buttons for a closer
 * look, and the way on (previous, next, every chapter). Every chapter comes from the data;
 * this component knows none of them.
 *
 * On a change of chapter, focus moves to its heading and a polite live region says "Chapter 3
 * of 8: …". Not when the page opens on a chapter by itself (a link, an embed): moving focus
 * into a frame the reader has not touched would pull the host's page to it.
 */
export function StoryPanel() {
  const store = useAppStoreApi();
  const event = useAppStore(selectEvent);
  const lang = useAppStore(selectLang);
  const index = useAppStore((s) => s.story.chapter);
  const isPresenting = useAppStore((s) => s.story.presenting);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownIndex = useRef<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const t = (key: MessageKey, values?: Record<string, string>) => translate(lang, key, values);

  const story = event.story;
  const chapter = index === null ? undefined : story?.chapters[index];
  const total = story?.chapters.length ?? 0;

  useEffect(() => {
    if (index === null || !chapter) return;
    const isFirstShown = shownIndex.current === null;
    if (shownIndex.current === index) return;
    shownIndex.current = index;
    if (isFirstShown && !readerHasActed()) return;
    setAnnouncement(
      translate(lang, 'story.announce', { n: String(index + 1), total: String(total), title: localize(chapter.title, lang) }),
    );
    // Focus is for screen readers and for the next Tab; the reader who stepped with an arrow
    // key is told where they are by the page itself, and a ring round every new title on a
    // projected slide is noise (WCAG 2.4.7 holds: a Tab from here shows its ring as usual).
    headingRef.current?.focus({ preventScroll: true, focusVisible: false } as FocusOptions);
    headingRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [index, chapter, lang, total]);

  if (!story || index === null || !chapter) return null;
  const { stepStory, openChapter, applyStoryAction, resetView, setPresenting, closeStory } = store.getState();
  const n = String(index + 1);
  const isLast = index === total - 1;
  const sourcesById = new Map(event.sources.map((s) => [s.id, s]));
  const party = chapter.party === null ? undefined : event.parties.find((p) => p.id === chapter.party);

  const present = () => {
    requestFullscreen();
    setPresenting(true);
  };

  return (
    <section className="story-panel" data-testid="story" data-chapter={chapter.id} aria-labelledby={STORY_HEADING_ID}>
      <div className="story-top">
        <p className="story-kicker">{localize(story.title, lang)}</p>
        <p className="story-progress" data-testid="story-progress">
          <span aria-hidden="true">{t('story.progress', { n, total: String(total) })}</span>
          <span className="visually-hidden">{t('story.chapterOf', { n, total: String(total) })}</span>
        </p>
      </div>
      <div className="story-progress-bar" aria-hidden="true">
        <span style={{ inlineSize: `${((index + 1) / total) * 100}%` }} />
      </div>

      {/* The chapter's own words scroll inside the panel when a large screen's type makes them
          taller than the screen (presentation mode), so that the way on stays in sight. */}
      <div className="story-body">
        <h2 id={STORY_HEADING_ID} ref={headingRef} tabIndex={-1} className="story-title">
          {localize(chapter.title, lang)}
        </h2>
        <div className="story-text">
          {paragraphs(localize(chapter.text, lang)).map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
        </div>

        {party && (
          <p className="story-highlight">
            <PartySwatch party={party} idPrefix="story-swatch" />
            {t('story.highlighted', { party: partyShortName(event, party.id, lang) })}
          </p>
        )}
        {chapter.note && <p className="story-note">{localize(chapter.note, lang)}</p>}

        {isLast && story.questions.length > 0 && (
          <section className="story-questions" aria-labelledby={`${STORY_HEADING_ID}-questions`}>
            <h3 id={`${STORY_HEADING_ID}-questions`}>{t('story.questions')}</h3>
            <ol>
              {story.questions.map((question, i) => (
                <li key={i}>{localize(question, lang)}</li>
              ))}
            </ol>
          </section>
        )}

        <div className="story-actions" role="group" aria-label={t('story.views')}>
          {chapter.actions.map((action) => (
            <button key={action.id} type="button" className="story-action" onClick={() => applyStoryAction(action.id)}>
              {localize(action.label, lang)}
            </button>
          ))}
          <button type="button" className="story-action" data-testid="story-reset" onClick={resetView}>
            {t('map.resetView')}
            <span className="visually-hidden"> — {t('map.resetChapterLabel')}</span>
          </button>
        </div>

        {chapter.sources.length > 0 && (
          <p className="story-sources">
            <span>{t('story.sources')}: </span>
            {chapter.sources.map((id, i) => {
              const source = sourcesById.get(id);
              if (!source) return null;
              const publisher = <bdi>{localize(source.publisher, lang)}</bdi>;
              return (
                <span key={id}>
                  {i > 0 && t('punctuation.comma')}
                  {source.url ? (
                    <a href={source.url} target="_blank" rel="noopener noreferrer" title={localize(source.title, lang)}>
                      {publisher}
                    </a>
                  ) : (
                    publisher
                  )}
                </span>
              );
            })}
          </p>
        )}
        <p className="story-keys">{t('story.keysHint')}</p>
      </div>

      <nav className="story-nav" aria-label={t('story.navLabel')}>
        <button
          type="button"
          className="story-step"
          data-testid="story-previous"
          disabled={!canStep(index, total, 'previous')}
          onClick={() => stepStory('previous')}
        >
          <span className="story-arrow" aria-hidden="true">
            ←
          </span>{' '}
          {t('story.previous')}
        </button>
        <button
          type="button"
          className="story-step story-step--next"
          data-testid="story-next"
          disabled={isLast}
          onClick={() => stepStory('next')}
        >
          {t('story.next')}{' '}
          <span className="story-arrow" aria-hidden="true">
            →
          </span>
        </button>
      </nav>

      <details className="story-chapters">
        <summary>{t('story.chapters')}</summary>
        <ol>
          {story.chapters.map((c, i) => (
            <li key={c.id}>
              <button
                type="button"
                data-testid="story-chapter-link"
                aria-current={i === index ? 'step' : undefined}
                onClick={() => openChapter(i)}
              >
                {localize(c.title, lang)}
              </button>
            </li>
          ))}
        </ol>
      </details>

      <div className="story-tools">
        {isPresenting ? (
          <button type="button" data-testid="present-leave" onClick={() => setPresenting(false)}>
            {t('story.leavePresent')}
          </button>
        ) : (
          <button type="button" data-testid="present" onClick={present} title={t('story.presentLabel')}>
            {t('story.present')}
          </button>
        )}
        {!isPresenting && (
          <button type="button" data-testid="story-leave" onClick={closeStory}>
            {t('story.leave')}
          </button>
        )}
      </div>
      {/* Spoken on each change of chapter; empty until then, so that it is heard when filled. */}
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="story-announcer">
        {announcement}
      </p>
    </section>
  );
}

/** The way into the story from the reader's page, when the event has one. */
export function StoryStart() {
  const store = useAppStoreApi();
  const event = useAppStore(selectEvent);
  const lang = useAppStore(selectLang);
  if (!event.story) return null;
  return (
    <div className="story-start">
      <p>{translate(lang, 'story.startIntro', { count: String(event.story.chapters.length) })}</p>
      <div className="story-start-buttons">
        <button
          type="button"
          className="story-start-button"
          data-testid="story-start"
          onClick={() => store.getState().openChapter(0)}
        >
          {translate(lang, 'story.startButton')}
        </button>
        <button
          type="button"
          data-testid="present"
          title={translate(lang, 'story.presentLabel')}
          onClick={() => {
            requestFullscreen();
            store.getState().setPresenting(true);
          }}
        >
          {translate(lang, 'story.present')}
        </button>
      </div>
    </div>
  );
}
