/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Builds the add-in (dist/) and the fake office.js the browser test opens, when sources changed.
  globalSetup: '<rootDir>/test/browser/global-setup.ts',
  // Setup hooks build workbooks from the seed; on a busy 2-core machine that passes jest's 5 s default.
  testTimeout: 30_000,
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
