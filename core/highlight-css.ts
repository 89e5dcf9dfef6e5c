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

/**
 * How the browser paints a user-origin highlight. Firefox paints its fill.
 * Chromium (checked in 156) computes the fill and the colour of one but
 * draws only its lines, so there a fill is drawn as a line as thick as the
 * text, raised behind it (lines under text are painted before the text).
 */
export interface SheetOptions {
  fillAsLine: boolean;
}

function fillOf(colour: string, { fillAsLine }: SheetOptions): Record<string, string> {
  if (!fillAsLine) return { 'background-color': colour };
  return {
    'text-decoration': `underline 1.15em ${colour}`,
    'text-underline-offset': '-0.95em',
    'text-decoration-skip-ink': 'none',
  };
}

function declarations(
  style: HighlightStyle,
  group: HighlightGroup,
  options: SheetOptions,
): Record<string, string> {
  const { line, fill, dotted } = COLOURS[group];
  switch (style) {
    case 'background':
      return { ...UNCHANGED, ...fillOf(fill, options) };
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

/** The keyboard's focus: dark text on yellow, above the colour of its kind. */
const focus = (options: SheetOptions) => ({
  ...UNCHANGED,
  ...fillOf('#fde047', options),
  color: '#111827',
});

function rule(name: string, properties: Record<string, string>): string {
  const body = Object.entries(properties)
    .map(([property, value]) => `  ${property}: ${value} !important;`)
    .join('\n');
  return `::highlight(${name}) {\n${body}\n}`;
}

/** The whole sheet for one highlight style. */
export function highlightCss(
  style: HighlightStyle,
  options: SheetOptions = { fillAsLine: false },
): string {
  return [
    ...HIGHLIGHT_GROUPS.map((group) =>
      rule(highlightName(group), declarations(style, group, options)),
    ),
    rule(FOCUS_HIGHLIGHT, focus(options)),
  ].join('\n');
}
