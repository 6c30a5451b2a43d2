/**
 * File order of the browser journeys: by name, with the foundation journey last. It ends by
 * locking an account out with wrong passwords, which also locks the test machine's IP for a while;
 * every other journey signs in, so it must run before that.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const LAST = /[/\\]journey\.e2e\.test\.ts$/;

export class JourneySequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => (LAST.test(f.moduleId) ? 1 : 0);
    return [...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId));
  }
}
