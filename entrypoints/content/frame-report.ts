/**
 * A frame below the top one tells the background what it found, so the
 * popup counts every frame of the tab (messages to a tab reach its top frame
 * only). Reports are batched, sent only when the counts changed, and an empty
 * list goes when the frame's page does. The top frame reports only that its
 * page is going: the background then forgets the tab's frames.
 */
import type { EntityCount } from '../../lib/messaging/protocol';

/** Batches a burst of changes (a scan pass's slices) into one report. */
export const FRAME_REPORT_DELAY_MS = 250;

export interface FrameReportDeps {
  signal: AbortSignal;
  isTopFrame: boolean;
  counts: () => EntityCount[];
  send: (entities: EntityCount[]) => Promise<void>;
}

export interface FrameReport {
  /** the frame's mentions changed */
  changed(): void;
}

export function startFrameReport(deps: FrameReportDeps): FrameReport {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = '[]';
  const send = (entities: EntityCount[]) => {
    last = JSON.stringify(entities);
    // The background may be restarting; the next change reports again.
    deps.send(entities).catch(() => (last = ''));
  };
  const flush = () => {
    timer = undefined;
    if (deps.signal.aborted) return;
    const entities = deps.counts();
    if (JSON.stringify(entities) !== last) send(entities);
  };
  // A page going into the back-forward cache comes back without a new scan:
  // it reports again then.
  window.addEventListener('pagehide', () => send([]), { signal: deps.signal });
  window.addEventListener(
    'pageshow',
    (event) => {
      if (event.persisted && !deps.isTopFrame) {
        last = '';
        flush();
      }
    },
    { signal: deps.signal },
  );
  deps.signal.addEventListener('abort', () => clearTimeout(timer));
  return {
    changed() {
      if (deps.isTopFrame || timer !== undefined) return;
      timer = setTimeout(flush, FRAME_REPORT_DELAY_MS);
    },
  };
}
