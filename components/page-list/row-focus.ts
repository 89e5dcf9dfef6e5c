/**
 * Keyboard moves between the rows of the popup's lists, as in a menu: the
 * arrow keys go from row to row, ArrowDown in the search box to the first.
 */

/** The focusable part of each row (EntityRow's main button). */
const ROW = '.entity-main';

/** ArrowDown / ArrowUp in `list`: focuses the next / previous row. */
export function moveBetweenRows(event: KeyboardEvent, list: HTMLElement | null): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const rows = [...(list?.querySelectorAll<HTMLElement>(ROW) ?? [])];
  const at = rows.indexOf(document.activeElement as HTMLElement);
  const next = rows[event.key === 'ArrowDown' ? at + 1 : at - 1];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

/** ArrowDown in the search box: focuses the first row of `list`, where there is one. */
export function focusFirstRow(event: KeyboardEvent, list: HTMLElement | null): void {
  const first = list?.querySelector<HTMLElement>(ROW);
  if (first) {
    event.preventDefault();
    first.focus();
  }
}
