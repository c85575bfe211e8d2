export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SavedWindowState {
  bounds: Rect;
  maximized: boolean;
}

export const defaultWindowSize = { width: 1_200, height: 800 } as const;
export const minWindowSize = { width: 640, height: 420 } as const;
/** Enough of the title bar must be on a screen to grab and move the window. */
const minVisible = { width: 120, height: 48 };

function intersection(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

function isRect(value: unknown): value is Rect {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((k) => typeof r[k] === 'number' && Number.isFinite(r[k]));
}

function centered(size: { width: number; height: number }, area: Rect): Rect {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width,
    height,
  };
}

/**
 * Where to open the window: the saved bounds when their title bar is still on a display (a
 * monitor may have been unplugged, a laptop undocked, the resolution changed), shrunk to fit that
 * display; otherwise the saved (or default) size centred on the primary display. `displays` are
 * work areas, primary first. Saved state comes from a file and may be junk; junk means defaults.
 */
export function windowBoundsFor(saved: unknown, displays: readonly Rect[]): Rect {
  const primary = displays[0] ?? { x: 0, y: 0, ...defaultWindowSize };
  const bounds = isRect(saved) ? saved : null;
  const size = bounds
    ? { width: Math.max(minWindowSize.width, Math.round(bounds.width)), height: Math.max(minWindowSize.height, Math.round(bounds.height)) }
    : { ...defaultWindowSize };
  if (!bounds) return centered(size, primary);
  const titleBar: Rect = { x: bounds.x, y: bounds.y, width: size.width, height: minVisible.height };
  const home = displays.find((area) => {
    const overlap = intersection(titleBar, area);
    return overlap.width >= minVisible.width && overlap.height >= minVisible.height / 2;
  });
  if (!home) return centered(size, primary);
  const width = Math.min(size.width, home.width);
  const height = Math.min(size.height, home.height);
  const x = Math.min(Math.max(Math.round(bounds.x), home.x), home.x + home.width - width);
  const y = Math.min(Math.max(Math.round(bounds.y), home.y), home.y + home.height - height);
  return { x, y, width, height };
}
