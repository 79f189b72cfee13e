import type { DataIssue } from '../domain/load-event.ts';
import type { Lang } from '../domain/types.ts';
import { translate } from '../i18n/index.ts';

/** Shown instead of the app when data/ is malformed: a wrong map is worse than none. */
export function DataErrorPage({ issues, lang }: { issues: readonly DataIssue[]; lang: Lang }) {
  return (
    <main className="data-error" role="alert">
      <h1>{translate(lang, 'error.heading')}</h1>
      <p>{translate(lang, 'error.intro')}</p>
      <ul>
        {issues.map((issue, i) => (
          <li key={i}>
            {/* The details are the validator's, in English: they name files and fields. */}
            <bdi lang="en" dir="ltr">
              <code>{issue.file}</code>: {issue.record}: <code>{issue.field}</code>
            </bdi>{' '}
            — {translate(lang, 'error.expected')} <bdi lang="en">{issue.expected}</bdi>
            {issue.got !== undefined && (
              <>
                {translate(lang, 'punctuation.comma')}
                {translate(lang, 'error.got')} <bdi lang="en">{issue.got}</bdi>
              </>
            )}
          </li>
        ))}
      </ul>
    </main>
  );
}
