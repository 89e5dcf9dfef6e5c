/**
 * The keys of the UI strings (assets/public/_locales/en/messages.json), as a
 * type: a `t()` call with a key that does not exist does not compile. The
 * other locales must have the same keys (tests/unit/locales.test.ts).
 */
import type messages from '../assets/public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;
