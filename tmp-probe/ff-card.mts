import { launchFirefox, openExtensionPage, waitForScan, hoverText, waitForCard, diagnostics } from '../tests/firefox/harness';
import { demoFixture } from '../tests/support/expected';
(globalThis as any).__name = (f: unknown) => f;
const { demo } = demoFixture();
const harness = await launchFirefox({ routes: { '/demo.html': demo.html } });
try {
  const page = await harness.browser.newPage();
  await page.goto(harness.server.url('/demo.html'));
  await waitForScan(harness, page);
  const probe = await openExtensionPage(harness, 'options.html', { background: true });
  console.log('open at start:', await probe.evaluate(() => (globalThis as any).browser.sidebarAction.isOpen({})));
  await page.bringToFront();
  await hoverText(page, 'Takaichi');
  await waitForCard(harness, page, 'Takaichi');
  const pl = (await diagnostics(harness, page))!.card.placement!;
  const x = pl.x + pl.width - 15 - 14 - 2 * 30, y = pl.y + 13 + 14;
  await page.mouse.click(x, y);
  await new Promise((r) => setTimeout(r, 1000));
  console.log('sidebar open after card click:', await probe.evaluate(() => (globalThis as any).browser.sidebarAction.isOpen({})));
} finally {
  await harness.close();
}
