/**
 * The colours of the page's highlights, as one style sheet per highlight
 * style. The background inserts it into each frame as a *user-origin* sheet
 * (scripting.insertCSS, origin "USER"): a page can neither read it (it is not
 * in document.styleSheets) nor override it, because an `!important` user
 * declaration beats every `!important` declaration of the page's own. Every
 * property a `::highlight()` rule may set is set, so no page rule can hide a
 * name (transparent text, no line) or restyle it.
 *
 * Names are neutral (the colour group, never the reader's style or which
 * kinds are on), and the same for every reader.
 */
import type { HighlightStyle } from './settings';

export const HIGHLIGHT_GROUPS = ['person', 'place', 'event', 'topic'] as const;
export type HighlightGroup = (typeof HIGHLIGHT_GROUPS)[number];

export const HIGHLIGHT_PREFIX = 'briefing-lens-';
export const FOCUS_HIGHLIGHT = `${HIGHLIGHT_PREFIX}focus`;
export const highlightName = (group: HighlightGroup): string => `${HIGHLIGHT_PREFIX}${group}`;

const COLOURS: Record<HighlightGroup, { line: string; fill: string; dotted: boolean }> = {
  person: { line: '#2563eb', fill: 'rgb(37 99 235 / 0.18)', dotted: false },
  place: { line: '#059669', fill: 'rgb(5 150 105 / 0.18)', dotted: false },
  event: { line: '#d97706', fill: 'rgb(217 119 6 / 0.2)', dotted: false },
  topic: { line: '#9333ea', fill: 'rgb(147 51 234 / 0.16)', dotted: true },
};

/**
 * What a highlight leaves as it was: `currentcolor` is the text's own colour
 * (measured in Chromium and Firefox), so a page rule cannot make it
 * transparent.
 */
const UNCHANGED = {
  color: 'currentcolor',
  'background-color': 'transparent',
  'text-decoration': 'none',
  'text-shadow': 'none',
};

function declarations(style: HighlightStyle, group: HighlightGroup): Record<string, string> {
  const { line, fill, dotted } = COLOURS[group];
  switch (style) {
    case 'background':
      return { ...UNCHANGED, 'background-color': fill };
    case 'subtle':
      return {
        ...UNCHANGED,
        'text-decoration': 'underline dotted 1px currentcolor',
        'text-underline-offset': '3px',
      };
    case 'underline':
      return {
        ...UNCHANGED,
        'text-decoration': `underline ${dotted ? 'dotted ' : ''}2px ${line}`,
        'text-underline-offset': '3px',
      };
  }
}

/**
 * The keyboard's focus: a fill, and a thick dark line under it, because
 * Chromium paints only the lines of a user-origin highlight (its colour and
 * fill are computed but not drawn), and the focus must show in every browser.
 */
const FOCUS = {
  ...UNCHANGED,
  'background-color': '#fde047',
  color: '#111827',
  'text-decoration': 'underline 3px #b45309',
  'text-underline-offset': '3px',
};

function rule(name: string, properties: Record<string, string>): string {
  const body = Object.entries(properties)
    .map(([property, value]) => `  ${property}: ${value} !important;`)
    .join('\n');
  return `::highlight(${name}) {\n${body}\n}`;
}

/** The whole sheet for one highlight style. */
export function highlightCss(style: HighlightStyle): string {
  return [
    ...HIGHLIGHT_GROUPS.map((group) => rule(highlightName(group), declarations(style, group))),
    rule(FOCUS_HIGHLIGHT, FOCUS),
  ].join('\n');
}
