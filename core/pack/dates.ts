/**
 * Dates named in a sentence, resolved against the date the article was
 * written for. News text says "November 1" or "the 30th" and leaves the year
 * and month to the reader; the timeline needs full ISO dates.
 *
 * Recognised forms (English, Korean, Japanese, Chinese):
 * - "October 28, 2025", "Oct. 28", "October 28th", "28 October 2025", "28th of October"
 * - ISO "2025-10-28"
 * - "the 30th": a day of the article's month, or of the next month when that
 *   day is before the article's day (a piece written on 28 October speaking of
 *   "the 30th" means 30 October; speaking of "the 2nd", 2 November)
 * - "2025년 10월 31일", "10월 28일", "28일", "지난 28일" (past), "오는 30일" (future)
 * - "2025年10月31日", "10月28日", "10月28号", "30日"
 * - "yesterday", "tomorrow", "어제", "내일", "昨日", "明日", "昨天", "明天"
 *
 * A month and day without a year take the article's year, moved by a year
 * when that lands more than ~6 months away from the article date ("January 5"
 * in a piece of late December is next January; "December 20" in a piece of
 * early January is last December).
 */

export interface DateMention {
  /** ISO YYYY-MM-DD */
  date: string;
  /** the words that gave the date, e.g. "the 30th" */
  text: string;
  /** UTF-16 offsets into the sentence */
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;
/** Half a year: a yearless date further than this from the article date belongs to the adjacent year. */
const YEAR_ROLLOVER_DAYS = 183;

// prettier-ignore
const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8,
  september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11,
  dec: 12,
};
// Capitalised only: lowercase "may" is a verb far more often than a month.
const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)';
const ORD = '(?:st|nd|rd|th)';
/** Digits, ASCII or full-width (CJK text often uses ０-９). */
const D = '[0-9０-９]';

type Resolver = (m: RegExpExecArray, ref: Ymd) => Ymd | undefined;
interface Rule {
  re: RegExp;
  resolve: Resolver;
}
interface Ymd {
  y: number;
  m: number;
  d: number;
}

/**
 * After "the 30th", words that make it a date rather than an ordinal adjective
 * ("the 30th anniversary"): end of sentence, punctuation, or one of these.
 */
const AFTER_BARE_ORDINAL =
  /^(?:$|[\s]*[,.;:!?)'"’”]|\s+(?:of this month|at|in|on|and|or|to|when|where|with|for|but|as|after|before|during|by|from|\())/;

const RULES: Rule[] = [
  {
    // October 28, 2025 / Oct. 28 / October 28th 2025
    re: new RegExp(`\\b${MONTH}\\.?\\s+(${D}{1,2})${ORD}?(?:,?\\s+(${D}{4}))?(?![0-9])`, 'gu'),
    resolve: (m, ref) => monthDay(ref, month(m[1]!), num(m[2]!), m[3] ? num(m[3]) : undefined),
  },
  {
    // 28 October 2025 / 28th of October
    re: new RegExp(
      `\\b(${D}{1,2})${ORD}?\\s+(?:of\\s+)?${MONTH}\\b\\.?(?:,?\\s+(${D}{4}))?(?![0-9])`,
      'gu',
    ),
    resolve: (m, ref) => monthDay(ref, month(m[2]!), num(m[1]!), m[3] ? num(m[3]) : undefined),
  },
  {
    re: /(?<![0-9-])([0-9]{4})-([0-9]{2})-([0-9]{2})(?![0-9])/gu,
    resolve: (m) => checked(num(m[1]!), num(m[2]!), num(m[3]!)),
  },
  {
    re: new RegExp(`\\bthe\\s+(${D}{1,2})${ORD}\\b`, 'gu'),
    resolve: (m, ref) => {
      const rest = m.input.slice(m.index + m[0].length);
      return AFTER_BARE_ORDINAL.test(rest) ? dayOfMonth(ref, num(m[1]!), 'forward') : undefined;
    },
  },
  {
    // 2025년 10월 31일 / 10월 28일
    re: new RegExp(`(?:(${D}{4})\\s*년\\s*)?(${D}{1,2})\\s*월\\s*(${D}{1,2})\\s*일`, 'gu'),
    resolve: (m, ref) => monthDay(ref, num(m[2]!), num(m[3]!), m[1] ? num(m[1]) : undefined),
  },
  {
    // 지난 28일 / 오는 30일 / 28일 — not "3일간", "2일째" (durations and counts)
    re: new RegExp(
      `(?:(지난|오는|이달)\\s*)?(?<![0-9０-９])(${D}{1,2})일(?!\\s*(?:간|동안|째|치|분|씩))`,
      'gu',
    ),
    resolve: (m, ref) => dayOfMonth(ref, num(m[2]!), m[1] === '지난' ? 'back' : 'forward'),
  },
  {
    // 2025年10月31日 / 10月28日 / 10月28号
    re: new RegExp(`(?:(${D}{4})\\s*年\\s*)?(${D}{1,2})\\s*月\\s*(${D}{1,2})\\s*[日号號]`, 'gu'),
    resolve: (m, ref) => monthDay(ref, num(m[2]!), num(m[3]!), m[1] ? num(m[1]) : undefined),
  },
  {
    // 30日 — not "3日間" (a duration)
    re: new RegExp(`(?<![0-9０-９月])(${D}{1,2})\\s*[日号號](?!間|间)`, 'gu'),
    resolve: (m, ref) => dayOfMonth(ref, num(m[1]!), 'forward'),
  },
  {
    re: /\b(yesterday|tomorrow)\b|(어제|내일|昨日|明日|昨天|明天)/giu,
    resolve: (m, ref) => addDays(ref, /^(yesterday|어제|昨日|昨天)$/i.test(m[0]) ? -1 : 1),
  },
];

/** Dates in `sentence`, resolved against `articleDate` (YYYY-MM-DD); sorted, never overlapping. */
export function findDates(sentence: string, articleDate: string): DateMention[] {
  const ref = parseIsoDate(articleDate);
  if (!ref) return [];
  const candidates: DateMention[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(sentence); m; m = rule.re.exec(sentence)) {
      const ymd = rule.resolve(m, ref);
      if (ymd)
        candidates.push({
          date: formatYmd(ymd),
          text: m[0],
          start: m.index,
          end: m.index + m[0].length,
        });
    }
  }
  // The longest match wins where two overlap ("10월 28일" over its "28일").
  candidates.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: DateMention[] = [];
  for (const c of candidates) {
    const last = out[out.length - 1];
    if (last && c.start < last.end) {
      if (c.end - c.start > last.end - last.start) out[out.length - 1] = c;
      continue;
    }
    out.push(c);
  }
  return out;
}

/** A real calendar date in YYYY-MM-DD form, or undefined. */
export function parseIsoDate(s: string): Ymd | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? checked(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

export function isIsoDate(s: string): boolean {
  return parseIsoDate(s) !== undefined;
}

function num(s: string): number {
  return Number(s.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)));
}

function month(name: string): number {
  return MONTHS[name.toLowerCase()] ?? 0;
}

function checked(y: number, m: number, d: number): Ymd | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
    ? { y, m, d }
    : undefined;
}

function toMs(x: Ymd): number {
  return Date.UTC(x.y, x.m - 1, x.d);
}

function addDays(x: Ymd, days: number): Ymd {
  const t = new Date(toMs(x) + days * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function monthDay(ref: Ymd, m: number, d: number, year?: number): Ymd | undefined {
  if (year !== undefined) return checked(year, m, d);
  const same = checked(ref.y, m, d);
  const diff = same ? (toMs(same) - toMs(ref)) / DAY_MS : 0;
  if (same && diff < -YEAR_ROLLOVER_DAYS) return checked(ref.y + 1, m, d);
  if (same && diff > YEAR_ROLLOVER_DAYS) return checked(ref.y - 1, m, d);
  // 29 February of a year that has none: try the adjacent years the same way.
  return same ?? checked(ref.y + 1, m, d) ?? checked(ref.y - 1, m, d);
}

/** Day `d` of the article's month, or the adjacent month in `direction` when it falls on that side. */
function dayOfMonth(ref: Ymd, d: number, direction: 'forward' | 'back'): Ymd | undefined {
  if (direction === 'forward' && d < ref.d) return nextMonth(ref, d, 1);
  if (direction === 'back' && d > ref.d) return nextMonth(ref, d, -1);
  return checked(ref.y, ref.m, d);
}

function nextMonth(ref: Ymd, d: number, step: 1 | -1): Ymd | undefined {
  const m0 = ref.m - 1 + step;
  const y = ref.y + Math.floor(m0 / 12);
  return checked(y, (((m0 % 12) + 12) % 12) + 1, d);
}

function formatYmd(x: Ymd): string {
  return `${String(x.y).padStart(4, '0')}-${String(x.m).padStart(2, '0')}-${String(x.d).padStart(2, '0')}`;
}
