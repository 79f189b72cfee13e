/**
 * A problem in the data, as every check reports it: the file, the record, the field, what was
 * expected and what was found. Apart from the validator (validate.ts), so that the page can show
 * a data error without carrying the validator.
 */
export interface DataIssue {
  /** Repo-relative path of the file, e.g. `data/events/badia-2018-12-02/places.geojson`. */
  readonly file: string;
  /** The record inside the file, e.g. `feature "ghurab"` or `party #2`. */
  readonly record: string;
  /** Dotted path inside the record, e.g. `name.ar` or `quotes[1].source`. */
  readonly field: string;
  readonly expected: string;
  readonly got?: string;
}

/** Thrown by the loader; its message has one line per issue, so a build log shows all of them. */
export class DataValidationError extends Error {
  readonly issues: readonly DataIssue[];

  constructor(issues: readonly DataIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'DataValidationError';
    this.issues = issues;
  }
}

export function formatIssue(issue: DataIssue): string {
  const got = issue.got === undefined ? '' : `, got ${issue.got}`;
  return `${issue.file}: ${issue.record}: field "${issue.field}": expected ${issue.expected}${got}`;
}
