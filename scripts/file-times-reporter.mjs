// A Vitest reporter for scripts/run-tests.mjs: writes each test file's time (its tests and
// hooks, as the default reporter prints it, plus its import) to FILE_TIMES_OUT as JSON, so that
// the runner can name the slowest files. It prints nothing itself.
import { writeFileSync } from 'node:fs';

export default class FileTimesReporter {
  #times = [];

  onTestModuleEnd(testModule) {
    const { duration, collectDuration, setupDuration } = testModule.diagnostic();
    this.#times.push({
      file: testModule.moduleId,
      project: testModule.project.name,
      ms: duration + collectDuration + setupDuration,
    });
  }

  onTestRunEnd() {
    const out = process.env.FILE_TIMES_OUT;
    if (out) writeFileSync(out, JSON.stringify(this.#times));
  }
}
