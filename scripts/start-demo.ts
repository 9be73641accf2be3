/**
 * `npm start`: opens Chromium with the freshly built extension on the bundled demo speech.
 * With a display, a real window stays open until you close it. Without one (a server, CI), it runs
 * headless and saves what a reader would see into ./demo-output/: a screenshot of the page, the
 * hover card on 六稳, the popup, and found-terms.json (what the popup lists).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, pointOfTerm, ROOT, startServer, waitForHighlights } from '../tests/e2e/harness';

const outDir = join(ROOT, 'demo-output');
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const server = await startServer();
const browser = await launchBrowser({ headless });
const page = await browser.context.newPage();
await page.goto(server.url('/demo-speech.html'));
await waitForHighlights(page);
console.log(`PolicyLens demo: ${server.url('/demo-speech.html')}`);

if (!headless) {
  console.log('Hover a highlighted term; open the PolicyLens toolbar button for the page’s terms. Close the window to stop.');
  await new Promise<void>((done) => browser.context.on('close', () => done()));
  await server.close();
} else {
  mkdirSync(outDir, { recursive: true });
  await page.screenshot({ path: join(outDir, 'page.png') });
  const point = await pointOfTerm(page, '六稳');
  await page.mouse.move(point.x, point.y);
  await page.waitForFunction(() => {
    const card = document.querySelector('policylens-ui')?.shadowRoot?.querySelector('.tooltip');
    return card instanceof HTMLElement && !card.hidden && card.textContent !== '';
  });
  await page.screenshot({ path: join(outDir, 'tooltip.png'), animations: 'disabled' });
  const popup = await browser.openPopup(page);
  await popup.waitForSelector('.term-item');
  await popup.screenshot({ path: join(outDir, 'popup.png'), fullPage: true });
  const terms = await popup.$$eval('.term-item', (items) =>
    items.map((item) => ({
      term: item.querySelector('.term')?.textContent,
      count: Number(item.querySelector('.count')?.textContent),
      english: item.querySelector('.english')?.textContent || null,
    })),
  );
  writeFileSync(join(outDir, 'found-terms.json'), JSON.stringify(terms, null, 2) + '\n');
  console.log(
    `No display: ran headless. ${terms.length} distinct terms found; screenshots and found-terms.json are in ${outDir}/`,
  );
  await browser.close();
  await server.close();
}
