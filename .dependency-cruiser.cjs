/**
 * Which folder may import which: the direction the README's architecture picture promises.
 * Run by `npm run depcheck` (part of `npm test`); a forbidden import fails the test run.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'src-stays-inside',
      comment: 'The shared core never imports the bot, the tab, the start-up wiring or the tools around it.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(app|bot|tabs|scripts|tests|bench)/' },
    },
    {
      name: 'domain-is-pure',
      comment: 'src/domain holds types and rules only: it imports nothing else of ours.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^(src/(?!domain/)|app/|bot/|tabs/)' },
    },
    {
      name: 'ports-use-only-domain',
      comment: 'Ports are small interfaces over domain types.',
      severity: 'error',
      from: { path: '^src/ports/' },
      to: { path: '^src/(?!ports/|domain/)' },
    },
    {
      name: 'lists-are-neutral',
      comment: 'The list schema and field mapping are shared by every source: no adapter inside.',
      severity: 'error',
      from: { path: '^src/lists/' },
      to: { path: '^src/(?!lists/|domain/|ports/|errors\\.ts)' },
    },
    {
      name: 'adapters-not-each-other',
      comment: 'The SharePoint and local adapters never import each other.',
      severity: 'error',
      from: { path: '^src/(sharepoint|local)/' },
      to: { path: '^src/(sharepoint|local)/', pathNot: '^src/$1/' },
    },
    {
      name: 'bot-not-tabs',
      comment: 'The bot and the tab meet only through src/.',
      severity: 'error',
      from: { path: '^bot/' },
      to: { path: '^(tabs|app)/' },
    },
    {
      name: 'tabs-not-bot',
      comment: 'The tab and the bot meet only through src/.',
      severity: 'error',
      from: { path: '^tabs/' },
      to: { path: '^(bot|app)/' },
    },
    {
      name: 'web-uses-only-shapes',
      comment: 'The browser bundle may use the domain types, the shared vocabulary and the view model, nothing that runs on the server.',
      severity: 'error',
      from: { path: '^tabs/web/' },
      to: { path: '^(src/(?!domain/|vocabulary/|view-model)|tabs/api/)' },
    },
    {
      name: 'vocabulary-is-pure',
      comment: 'The words shared by the tab and the cards: pure, over domain types only, so the browser bundle can use them.',
      severity: 'error',
      from: { path: '^src/vocabulary/' },
      to: { path: '^(src/(?!vocabulary/|domain/)|app/|bot/|tabs/)' },
    },
    {
      name: 'teams-sdk-behind-the-seam',
      comment:
        'The Teams SDK (@microsoft/teams.*) is used only in bot/adapter and by the Teams handler in bot/handler, so a change of SDK changes those folders and nothing else.',
      severity: 'error',
      from: { path: '^(app|src|bot|tabs)/', pathNot: '^bot/(adapter|handler)/' },
      to: { path: '(^|/)node_modules/@microsoft/teams\\.' },
    },
    {
      name: 'no-botbuilder',
      comment: 'The Bot Framework SDK (botbuilder, botframework-*) is archived and unsupported; the bot is on the Teams SDK.',
      severity: 'error',
      from: { path: '^(app|src|bot|tabs)/' },
      to: { path: '(^|/)node_modules/(botbuilder|botframework-)' },
    },
    {
      name: 'no-circular',
      comment: 'Import cycles make the order of start-up and the reading of the code harder.',
      severity: 'error',
      from: { path: '^(app|src|bot|tabs)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // node_modules stay in the graph as leaves (doNotFollow), so rules can name packages.
    // Our build output only: packages whose code lives in a dist/ folder (the Teams SDK's) stay
    // in the graph, so the rules above can name them.
    exclude: { path: '^(dist|tabs/web/dist|tabs/web/dist-ssr)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
