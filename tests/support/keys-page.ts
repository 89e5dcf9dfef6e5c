/**
 * The page the real-key suites (Chromium and Firefox) press their keys on:
 * a page link to have focused, and names spread over many paragraphs, so
 * that some are above the screen once it is scrolled.
 */
export const KEYS_TITLE = 'Real keys';
const NAMES = ['Wang Yi', 'Toshimitsu Motegi', 'Xi Jinping', 'Lee Jae-myung', 'Sanae Takaichi'];
const FILLER = 'The talks covered trade, shipping lanes and the coming winter. ';
export const KEYS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${KEYS_TITLE}</title>
<style>body { margin: 0 12px; font: 18px/1.6 Georgia, serif; }</style></head><body>
<p><a id="home" href="/elsewhere.html">Home</a></p>
${Array.from({ length: 20 }, (_, i) => `<p>${FILLER.repeat(3)}${NAMES[i % 5]} answered. ${FILLER}</p>`).join('\n')}
</body></html>`;
