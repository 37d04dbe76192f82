/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    // The tab's web app and its component tests use the browser settings (JSX, DOM).
    '^.+/(tabs/web|tests/unit/tabs/web)/.+\\.tsx?$': ['ts-jest', { tsconfig: 'tabs/web/tsconfig.jest.json' }],
    // Type errors are caught by `npm run typecheck`; jest only transpiles.
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  testTimeout: 30000,
};
