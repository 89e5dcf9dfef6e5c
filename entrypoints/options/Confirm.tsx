/**
 * Asking first, in place: a question with the action's own button and a way
 * out, instead of a window.confirm() the page cannot style or translate. The
 * action's button takes focus, so Enter confirms and Escape goes back.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Translate } from '../../lib/i18n';

export interface ConfirmProps {
  question: string;
  /** the confirming button's label, which says what will happen */
  action: string;
  onConfirm: () => void;
  onCancel: () => void;
  t: Translate;
}

export function Confirm(props: ConfirmProps) {
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <div
      class="confirm"
      role="group"
      aria-label={props.question}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onCancel();
      }}
    >
      <span>{props.question}</span>
      <button
        type="button"
        ref={confirm}
        class="danger"
        data-action="confirm"
        onClick={props.onConfirm}
      >
        {props.action}
      </button>
      <button type="button" data-action="cancel" onClick={props.onCancel}>
        {props.t('options_cancel')}
      </button>
    </div>
  );
}
