/**
 * When the card opens and closes, after Wikipedia's Page Previews
 * (mediawiki-extensions-Popups, src/constants.js). Named here, apart from the
 * controller, so tests wait on exactly these times. The show delay is the
 * reader's setting (core/settings: `hoverDelayMs`).
 */

/** Dwell before the briefing is requested: a pointer passing over a name asks for nothing. */
export const FETCH_AFTER_MS = 150;
/** After leaving both the name and the card: time to cross the gap between them. */
export const HIDE_AFTER_MS = 300;
/** A briefing slower than this shows the loading state first (no flash of "Loading…" before). */
export const LOADING_AFTER_MS = 50;
