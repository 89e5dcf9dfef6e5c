/**
 * How the options page sets what is highlighted and how: the entity kinds,
 * then the density, the style and the hover delay. Two sections of the page.
 */
import type { MessageKey } from '../../lib/i18n';
import {
  DEFAULT_SETTINGS,
  DENSITIES,
  HIGHLIGHT_STYLES,
  HOVER_DELAY_RANGE,
  type Density,
  type HighlightStyle,
  type Settings,
} from '../../core/settings';
import { ENTITY_KINDS } from '../../core/pack/types';
import { kindKey } from '../../core/display';
import { toggle, type SectionProps } from './section';

const DENSITY_LABEL = {
  all: 'options_densityAll',
  first: 'options_densityFirst',
  none: 'options_densityNone',
} satisfies Record<Density, MessageKey>;
const STYLE_LABEL = {
  underline: 'options_styleUnderline',
  background: 'options_styleBackground',
  subtle: 'options_styleSubtle',
} satisfies Record<HighlightStyle, MessageKey>;

export function HighlightingSection(props: SectionProps) {
  const { settings, change, t } = props;
  return (
    <>
      <section aria-labelledby="kinds-heading">
        <h2 id="kinds-heading">{t('options_kinds')}</h2>
        <ul class="toggles inline">
          {ENTITY_KINDS.map((kind) => {
            const on = !settings.disabledKinds.includes(kind);
            return (
              <li key={kind}>
                <label>
                  <input
                    type="checkbox"
                    data-kind={kind}
                    checked={on}
                    onChange={() =>
                      void change((s) => ({
                        ...s,
                        disabledKinds: toggle(
                          s.disabledKinds,
                          kind,
                          !on,
                        ) as Settings['disabledKinds'],
                      }))
                    }
                  />
                  {t(kindKey(kind))}
                </label>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="highlight-heading">
        <h2 id="highlight-heading">{t('options_highlighting')}</h2>
        <fieldset>
          <legend>{t('options_density')}</legend>
          {DENSITIES.map((density) => (
            <label key={density}>
              <input
                type="radio"
                name="density"
                value={density}
                checked={settings.density === density}
                onChange={() => void change((s) => ({ ...s, density }))}
              />
              {t(DENSITY_LABEL[density])}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('options_style')}</legend>
          {HIGHLIGHT_STYLES.map((style) => (
            <label key={style}>
              <input
                type="radio"
                name="style"
                value={style}
                checked={settings.highlightStyle === style}
                onChange={() => void change((s) => ({ ...s, highlightStyle: style }))}
              />
              <span class={`style-sample style-${style}`}>{t(STYLE_LABEL[style])}</span>
            </label>
          ))}
        </fieldset>
        <label class="row">
          {t('options_hoverDelay')}
          <input
            type="number"
            min={HOVER_DELAY_RANGE.min}
            max={HOVER_DELAY_RANGE.max}
            step={50}
            value={settings.hoverDelayMs}
            placeholder={String(DEFAULT_SETTINGS.hoverDelayMs)}
            aria-describedby="hover-delay-default"
            onChange={(e) => {
              const text = (e.target as HTMLInputElement).value.trim();
              // A cleared box means "the default", not the shortest delay.
              const hoverDelayMs = text === '' ? DEFAULT_SETTINGS.hoverDelayMs : Number(text);
              void change((s) => ({ ...s, hoverDelayMs }));
            }}
          />
          <span class="muted small" id="hover-delay-default">
            {t('options_hoverDelayDefault', String(DEFAULT_SETTINGS.hoverDelayMs))}
          </span>
        </label>
      </section>
    </>
  );
}
