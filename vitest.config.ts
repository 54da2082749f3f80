import { defineConfig } from 'vitest/config';

// Tiers (see CONTRIBUTING.md): unit tests of pure code and of the scripts in process, cli tests
// that start the scripts as real processes, SQL tests that run the generated SQL in real DuckDB
// and PostgreSQL, build tests that read the built example playbook, and
// browser tests in real Chromium. Build and browser tests share one build.
export default defineConfig({
  test: {
    // `npm run test:coverage`: how much of the pure code in src/lib the unit and SQL tiers run.
    coverage: {
      provider: 'v8',
      include: ['src/lib/**/*.ts'],
      exclude: ['src/lib/**/*.test.ts'],
      reporter: ['text-summary', 'html'],
      reportsDirectory: '.test-dist/coverage',
      // A few points under what was measured (91.3 % statements, 82.5 % branches, 86.1 % functions,
      // 92.3 % lines): a change that drops tested code below them fails.
      thresholds: { statements: 88, branches: 79, functions: 83, lines: 89 },
    },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/slides/**/*.test.ts'],
          // Scripts are tested in process through their main(argv, io); real processes are the cli tier's.
          exclude: ['**/*.spawn.test.ts'],
          environment: 'node',
          // One module graph per worker, not per file: most of the tier's time was re-importing the
          // same modules. Safe because no test leans on another's state or files (checked with
          // --sequence.shuffle over several seeds; see CONTRIBUTING.md).
          isolate: false,
          // Image and multi-threaded scoring tests take seconds; a busy two-core machine needs room.
          testTimeout: 15_000,
        },
      },
      {
        // A few tests that start real processes (Node, npm, git, signals): slower, their own tier.
        test: {
          name: 'cli',
          include: ['test/cli/**/*.spawn.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'sql',
          include: ['test/sql/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 120_000,
          // DuckDB and the private PostgreSQL cluster each want both cores: one file at a time.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'build',
          include: ['test/build/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time: this machine has two cores.
          fileParallelism: false,
        },
      },
      {
        // The dev server driven for real: start astro dev on a copy of a fixture, edit, poll.
        test: {
          name: 'dev',
          include: ['test/dev/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Not part of `npm test` (it runs `npm test` itself, in a copy): `npm run test:own-content`.
        test: {
          name: 'own-content',
          include: ['test/own-content/**/*.test.ts'],
          // The whole suite runs inside: 27 minutes on a busy two-core machine, so an hour.
          testTimeout: 3_600_000,
        },
      },
    ],
  },
});
