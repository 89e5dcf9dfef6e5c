import { launchFirefox, openExtensionPage, waitForScan, hoverText, waitForCard } from '../tests/firefox/harness';
import { demoFixture } from '../tests/support/expected';
(globalThis as any).__name = (f: unknown) => f;
const { demo } = demoFixture();
const harness = await launchFirefox({ routes: { '/demo.html': demo.html } });
try {
  const page = await harness.browser.newPage();
  await page.goto(harness.server.url('/demo.html'));
  await waitForScan(harness, page);
  await page.bringToFront();
  const panel = await openExtensionPage(harness, 'sidepanel.html', { background: true });
  await panel.waitForFunction(() => document.querySelectorAll('.entities .summary').length >= 6, { polling: 50, timeout: 10000 });
  console.log('rows', await panel.evaluate(() => document.querySelectorAll('.entities [data-entity]').length));
  await hoverText(page, 'Motegi');
  await waitForCard(harness, page, 'Motegi');
  await panel.waitForFunction(() => document.querySelector('[aria-current="true"] [data-entity]')?.getAttribute('data-entity'), { polling: 50, timeout: 5000 }).then(() => console.log('looking ok'), (e) => console.log('looking FAIL', e.message));
  // popup button → sidebarAction.open
  const popup = await openExtensionPage(harness, 'popup.html', { background: true });
  await popup.waitForSelector('[data-action="side-panel"]');
  await popup.click('[data-action="side-panel"]').catch((e) => console.log('click', e.message));
  await new Promise((r) => setTimeout(r, 1000));
  const probe = await openExtensionPage(harness, 'options.html', { background: true });
  console.log('sidebar open after popup click:', await probe.evaluate(() => (globalThis as any).browser.sidebarAction.isOpen({})));
  await probe.evaluate(() => (globalThis as any).browser.sidebarAction.close()).catch((e) => console.log('close', String(e)));
  console.log('closed:', await probe.evaluate(() => (globalThis as any).browser.sidebarAction.isOpen({})));
  // card button
  await page.bringToFront();
  await page.mouse.move(1, 1);
  await new Promise((r) => setTimeout(r, 800));
  await hoverText(page, 'Takaichi');
  await waitForCard(harness, page, 'Takaichi');
  const d = await (await import('../tests/firefox/harness')).diagnostics(harness, page);
  const pl = d!.card.placement!;
  // tools: [side panel][pin][close], 28 px each, 2 px apart, at the top right inside 14 px padding (+1 px border)
  const x = pl.x + pl.width - 15 - 14 - 2 * 30, y = pl.y + 13 + 14;
  await page.mouse.click(x, y);
  await new Promise((r) => setTimeout(r, 1000));
  console.log('sidebar open after card click:', await probe.evaluate(() => (globalThis as any).browser.sidebarAction.isOpen({})));
  console.log('card open still', (await (await import('../tests/firefox/harness')).diagnostics(harness, page))?.card.open);
} finally {
  await harness.close();
}
