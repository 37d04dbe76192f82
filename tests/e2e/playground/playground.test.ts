/**
 * The real Microsoft 365 Agents Playground, driven in headless Chromium against the app in local
 * mode (as `npm start` runs it): the bot is installed in the team "SVOM", a member picks the
 * "SVOM" channel on the welcome card, the reminders that are due arrive in that channel and are
 * rendered (the demo's held meeting's "Beslut och uppdrag från mötet …" among them), and "Revision
 * påbörjad" updates the card.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { loadConfig } from '../../../src/config';
import { silentLogger } from '../../../src/logger';
import { FixedClock } from '../../../src/ports/clock';
import { createServer, type AppServer } from '../../../app/server';
import { CHROMIUM, describeWithBrowser } from '../support/browser';
import { freePort } from '../../fakes/free-port';

jest.setTimeout(120_000);

const SHOTS = join(__dirname, '..', '..', '..', 'test-artifacts', 'screenshots');

describeWithBrowser('the bot in the Agents Playground', () => {
  let dir: string;
  let server: AppServer;
  let browser: BrowserContext;
  let page: Page;
  let playgroundPort: number;
  let config: ReturnType<typeof loadConfig>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'playground-e2e-'));
    playgroundPort = await freePort();
    config = loadConfig({
      PORT: String(await freePort()),
      DATA_DIR: join(dir, 'data'),
      PLAYGROUND: 'on',
      PLAYGROUND_PORT: String(playgroundPort),
      LOG_LEVEL: 'silent',
    });
    // Thursday 2022-12-01 10:00 in Stockholm: the home-care agreement has 30 days left.
    server = await createServer(config, { clock: new FixedClock('2022-12-01T09:00:00Z'), logger: silentLogger });
    await server.listen();
    browser = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1400, height: 900 },
    });
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('install in the team, choose the channel, see the reminder cards arrive there', async () => {
    await page.goto(`http://127.0.0.1:${playgroundPort}/`);
    await page.getByText('Teams Channel').waitFor();

    // Install the bot in the team from the team's General channel.
    await page.getByText('General', { exact: true }).click();
    await page.getByText('Mock an Activity').click();
    await page.getByText('Install application', { exact: true }).click();
    await page.getByRole('button', { name: 'Send activity' }).click();

    // The welcome card says nothing is posted until a channel is chosen, and offers the channels.
    await page.getByText('Inga påminnelser postas förrän någon har valt en kanal.').first().waitFor();
    await page.getByPlaceholder('Välj en kanal').last().click();
    await page.getByRole('option', { name: 'SVOM' }).click();
    await page.getByRole('button', { name: 'Välj kanal' }).last().click();
    await page.getByText('Klart! Påminnelser postas nu i kanalen SVOM.').first().waitFor();

    // The reminders due on 2022-12-01 arrive in the SVOM channel, rendered as cards.
    await page.getByText('SVOM', { exact: true }).nth(1).click();
    await page.getByText('Avtalet löper ut om 30 dagar').waitFor();
    await expect(page.getByText('t.o.m. 2022-12-31').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByText('t.o.m. lördag 2022-12-31').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole('button', { name: 'Påminn igen om 7 dagar' }).count()).resolves.toBeGreaterThan(0);

    // The example held meeting of 2022-11-17 (the demo store's): its decisions and actions, the last day of its two weeks.
    const outcome = page.locator('.ac-adaptiveCard', { hasText: 'Beslut och uppdrag från mötet torsdag 2022-11-17' }).first();
    await outcome.waitFor();
    await outcome.getByText('Exempel: SVOM ställer sig bakom inriktningen.', { exact: false }).waitFor();
    // The playground renders Action.OpenUrl as a button with the role of a link.
    await expect(outcome.getByRole('link', { name: 'Visa alla uppdrag' }).getAttribute('title')).resolves.toMatch(/\/\?view=uppdrag$/);
    await expect(outcome.getByRole('link', { name: 'Minnesanteckningar (Word)' }).getAttribute('title')).resolves.toMatch(
      /\/api\/meetings\/exempel-2022-11-17\/minnesanteckningar\.docx$/,
    );
    mkdirSync(SHOTS, { recursive: true });
    await outcome.screenshot({ path: join(SHOTS, 'bot-beslut-och-uppdrag.png') });

    // "Revision påbörjad" writes to the local list and the card shows who started it.
    const card = page.locator('.ac-adaptiveCard', { hasText: 'Avtalet löper ut om 30 dagar' }).first();
    mkdirSync(SHOTS, { recursive: true });
    await card.screenshot({ path: join(SHOTS, 'bot-avtalskort.png') });
    await card.getByRole('button', { name: 'Revision påbörjad' }).click();
    await page
      .getByText(/Revision påbörjad av Sekreterare SVOM/)
      .first()
      .waitFor();
    const view = (await server.snapshots.refresh()).view;
    const homeCare = view.agreements.find((agreement) => agreement.agreement?.validity.text === 't.o.m. 2022-12-31');
    expect(homeCare?.agreement).toMatchObject({ revisionStatus: 'started', revisionUpdatedBy: 'Sekreterare SVOM' });
  });

  test('a second start on the same data: the install in a fresh playground page brings the welcome card again', async () => {
    await server.close();
    // Later the same day (one install's two activities, moments apart, welcome once).
    server = await createServer(config, { clock: new FixedClock('2022-12-01T10:00:00Z'), logger: silentLogger });
    await server.listen();
    await page.close();
    page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${playgroundPort}/`);
    await page.getByText('Teams Channel').waitFor();
    await page.getByText('General', { exact: true }).click();
    await page.getByText('Mock an Activity').click();
    await page.getByText('Install application', { exact: true }).click();
    await page.getByRole('button', { name: 'Send activity' }).click();
    // The team chose SVOM before the restart: the card says so and still lets members choose.
    await page.getByText('Påminnelser postas i kanalen SVOM').first().waitFor();
    await page.getByRole('button', { name: 'Välj kanal' }).last().waitFor();
  });
});
