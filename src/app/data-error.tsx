import type { DataIssue } from '../domain/load-event.ts';
import { translate } from '../i18n/index.ts';

/** Shown instead of the app when data/ is malformed: a wrong map is worse than none. */
export function DataErrorPage({ issues }: { issues: readonly DataIssue[] }) {
  return (
    <main className="data-error" role="alert">
      <h1>{translate('en', 'error.heading')}</h1>
      <p>{translate('en', 'error.intro')}</p>
      <ul>
        {issues.map((issue, i) => (
          <li key={i}>
            <code>{issue.file}</code>: {issue.record}: <code>{issue.field}</code> — expected {issue.expected}
            {issue.got !== undefined && <>, got {issue.got}</>}
          </li>
        ))}
      </ul>
    </main>
  );
}
