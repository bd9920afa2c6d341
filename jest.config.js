/** Jest: three projects mirroring src/ (unit: pure and fast; integration: real Redis + MongoDB
 * test server; e2e: whole conversations over HTTP and the console in Chromium). One global setup
 * starts the MongoDB-compatible test server unless MONGODB_URI points at a real MongoDB. */
const transform = { '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] };
const common = { transform, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'] };

module.exports = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // CI: one worker more than its 2 cores. The suites mostly wait (the one-a-second pacing of a chat,
  // Chromium, child processes): with 2 workers the whole run used 530 CPU-s in 521 s on 2 cores
  // (2026-12-07, /usr/bin/time), about half the machine. With 3, `npm test`'s main run took 423 s
  // against 537 s with 2, on the same quiet machine, every test passing.
  maxWorkers: process.env.CI ? 3 : '50%',
  // Nothing is left running after a file (checked file by file, 2026-12-02): a worker that ends a
  // run holding a 170-600 MB heap takes longer than jest's default 500 ms to exit on 2 busy cores,
  // freeing it, and was killed with "A worker process has failed to exit gracefully".
  workerGracefulExitTimeout: 5000,
  // A global option: jest ignores testTimeout inside `projects`. Generous because integration
  // and e2e tests start real servers and child processes on a 2-core machine.
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      // On a Cluster (`test:ha`), not the surge of refusals: a minute of real time (one message a
      // second to a chat, retry_after waited out) that tests pacing, not the engine; its Redis
      // script runs on the Cluster in chat-pacer.test.ts.
      testPathIgnorePatterns: process.env.RIPOTI_TEST_REDIS === 'cluster' ? ['/test/integration/queue/delivery-surge\\.test\\.ts$'] : [],
    },
    // The Sentinel failover test (five redis processes, 200 reporters) runs in `npm run test:ha`;
    // `npm test` (test/run.sh) runs the scale-out suite after the others, alone (RIPOTI_SKIP_SCALE).
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      testPathIgnorePatterns: [...(process.env.RIPOTI_TEST_HA ? [] : ['/test/e2e/faults/sentinel-failover\\.test\\.ts$']), ...(process.env.RIPOTI_SKIP_SCALE ? ['/test/e2e/scale/'] : [])],
    },
  ],
};
