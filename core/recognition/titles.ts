/**
 * Titles that turn a one-syllable surname into a name: "이 대통령", "시 주석",
 * "習主席", "王外相", "President Xi". The surname alone ("이", "王", "Xi") is
 * a common word or a common surname, so it counts only with a title.
 *
 * Korean, Japanese and Chinese put the title after the name; English before.
 * A *strong* title (an office) names the entity on its own and counts as
 * naming it in full for the document; a *weak* one (an honorific: 氏, Mr.)
 * could address anybody with that surname, so the form then counts only once
 * the document has named the entity in full, like an ambiguous alias. 씨 and
 * さん are not titles at all: news gives them to private persons ("이 씨",
 * "王さん（42）"), never to the heads of state and ministers of the packs.
 *
 * The lists hold the offices of the people the packs are about. They are per
 * language, not per entity (the pack format has no field for it), so an
 * office that fits one surname also pairs with the others: a pack excludes
 * the pairs that name somebody else ("이 부장" is any manager Lee, "李部长" any
 * minister Li) through the entity's `exclusions`.
 */
import type { Language } from '../pack/types';

interface TitleList {
  strong: readonly string[];
  weak: readonly string[];
  /** English titles precede the name */
  before?: boolean;
}

const ZH_HANS = ['主席', '国家主席', '总书记', '总统', '外长', '部长', '外交部长'];
const ZH_HANT = ['主席', '國家主席', '總書記', '總統', '外長', '部長', '外交部長'];

export const TITLES: Record<Language, TitleList> = {
  en: {
    strong: ['President', 'Foreign Minister', 'General Secretary'],
    weak: ['Mr.', 'Mr', 'Minister', 'Chairman'],
    before: true,
  },
  ko: { strong: ['대통령', '주석', '국가주석', '총서기', '부장', '외교부장'], weak: [] },
  ja: {
    strong: ['大統領', '主席', '国家主席', '総書記', '外相', '外交部長', '部長'],
    weak: ['氏'],
  },
  'zh-Hans': { strong: ZH_HANS, weak: [] },
  'zh-Hant': { strong: ZH_HANT, weak: [] },
};

export interface TitledForm {
  /** the text to match: surname and title, in the language's order */
  source: string;
  /** the part of `source` before the surname ("" when the title follows) */
  prefix: string;
  surname: string;
  strong: boolean;
}

/** Every surname + title pattern of one language. */
export function titledForms(lang: Language, surname: string): TitledForm[] {
  const list = TITLES[lang];
  const out: TitledForm[] = [];
  const add = (title: string, strong: boolean) => {
    if (list.before) {
      // Lower case: "president Lee" and "President Lee" are both the title;
      // the surname keeps its capital, which the case rule then requires.
      const prefix = `${title.toLowerCase()} `;
      out.push({ source: prefix + surname, prefix, surname, strong });
    } else if (lang === 'ko') {
      // Korean writes the title with one space or none: "이 대통령", "이대통령".
      out.push({ source: `${surname} ${title}`, prefix: '', surname, strong });
      out.push({ source: surname + title, prefix: '', surname, strong });
    } else {
      out.push({ source: surname + title, prefix: '', surname, strong });
    }
  };
  for (const t of list.strong) add(t, true);
  for (const t of list.weak) add(t, false);
  return out;
}
