/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Builds the add-in (dist/) and the fake office.js the browser test opens, when sources changed.
  globalSetup: '<rootDir>/test/browser/global-setup.ts',
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
