/**
 * UI strings through `browser.i18n` (assets/public/_locales). Components take
 * a `Translate` so tests can render them without an extension around.
 */
import { browser } from './browser';
import type { MessageKey } from '../core/messages';

export type { MessageKey };
export type Translate = (key: MessageKey, substitutions?: string | string[]) => string;

export const t: Translate = (key, substitutions) =>
  browser.i18n.getMessage(key as never, substitutions as never) || key;

/**
 * The UI language as the browser gives it ("ko", "en-US", "zh-TW"): whole,
 * since the region decides the script (zh-TW and zh-HK read Traditional
 * names) and the date layout.
 */
export function uiLanguage(): string {
  return (browser.i18n.getUILanguage?.() || 'en').replace(/_/g, '-');
}
