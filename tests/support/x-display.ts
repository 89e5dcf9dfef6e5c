/**
 * A private X display (Xvfb) and real key presses on it (xdotool): key
 * events that come from the X server, as a keyboard's do, reach the
 * browser's own shortcut handling, which keys sent through the DevTools
 * protocol or WebDriver never do (they go to the page).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

const XVFB = '/usr/bin/Xvfb';
const XDOTOOL = '/usr/bin/xdotool';

/** Why real key presses cannot be made here, or null when they can. */
export const NO_REAL_KEYS =
  existsSync(XVFB) && existsSync(XDOTOOL)
    ? null
    : 'needs Xvfb and xdotool (scripts/ensure-browsers.sh installs them as root on Debian)';

export interface XDisplay {
  /** the value for DISPLAY, e.g. ":99" */
  name: string;
  /** presses `keys` (xdotool's names: "alt+shift+j", "Return") in the window whose title holds `title` */
  press(title: string, keys: string): void;
  close(): void;
}

/** Starts Xvfb on the first free display and resolves once it accepts clients. */
export async function startXDisplay(): Promise<XDisplay> {
  // -displayfd: Xvfb picks a free display and writes its number when ready.
  const server: ChildProcess = spawn(
    XVFB,
    ['-displayfd', '1', '-screen', '0', '1400x1000x24', '-nolisten', 'tcp'],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  const number = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    server.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it was ready`)));
  });
  const name = `:${number}`;
  const env = { ...process.env, DISPLAY: name };
  return {
    name,
    press(title, keys) {
      const windows = execFileSync(XDOTOOL, ['search', '--name', title], { env })
        .toString()
        .trim()
        .split('\n')
        .filter(Boolean);
      const window = windows.at(-1);
      if (!window) throw new Error(`no window titled "${title}" on ${name}`);
      // No window manager on the display: focus the window directly.
      execFileSync(XDOTOOL, ['windowfocus', '--sync', window], { env });
      execFileSync(XDOTOOL, ['key', '--clearmodifiers', keys], { env });
    },
    close() {
      server.kill();
    },
  };
}
