/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    // The tab's web app and its component tests use the browser settings (JSX, DOM).
    '^.+/(tabs/web|tests/unit/tabs/web)/.+\\.tsx?$': '<rootDir>/tabs/web/jest-transform.cjs',
    // Type errors are caught by `npm run typecheck`; jest only transpiles.
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // The tab's SSE parser ships as ES modules only; jest runs CommonJS.
    '^.+/node_modules/eventsource-parser/.+\\.js$': '<rootDir>/tabs/web/jest-transform.cjs',
  },
  // jwks-rsa (loaded with the Teams SDK, whose own token check the bot does not use) requires jose 6,
  // which is ESM only: Node loads it natively (require(esm)), jest's CommonJS runtime cannot. In
  // tests it gets the app's jose 5, which has the two functions it calls (importJWK, exportSPKI).
  moduleNameMapper: { '^jose$': '<rootDir>/node_modules/jose' },
  transformIgnorePatterns: ['/node_modules/(?!eventsource-parser/)'],
  testTimeout: 30000,
};
