import { defineConfig } from 'vitest/config';
import { JourneySequencer } from './setup/sequencer.ts';

// Browser journeys: one real server (fresh PGlite data dir) for the whole run, Debian Chromium
// driven by playwright-core. Files run one after another: they share that server and two CPU cores.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/setup/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
    // The foundation journey ends with a lockout of the test IP: it runs last.
    sequence: { sequencer: JourneySequencer },
  },
});
