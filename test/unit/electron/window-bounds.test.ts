import { describe, expect, it } from 'vitest';
import { defaultWindowSize, windowBoundsFor } from '../../../src/main/electron/window-bounds';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitorRight = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('windowBoundsFor', () => {
  it('keeps bounds that are on a display', () => {
    const saved = { x: 100, y: 80, width: 1000, height: 700 };
    expect(windowBoundsFor(saved, [laptop, monitorRight])).toEqual(saved);
    const onMonitor = { x: 1600, y: 100, width: 1800, height: 1000 };
    expect(windowBoundsFor(onMonitor, [laptop, monitorRight])).toEqual(onMonitor);
  });

  it('centres the window on the primary display when its monitor is gone', () => {
    const onMonitor = { x: 1600, y: 100, width: 1200, height: 800 };
    expect(windowBoundsFor(onMonitor, [laptop])).toEqual({ x: 120, y: 38, width: 1200, height: 800 });
  });

  it('shrinks and moves a window that no longer fits (resolution changed)', () => {
    expect(windowBoundsFor({ x: 1000, y: 500, width: 3000, height: 2000 }, [laptop])).toEqual({ x: 0, y: 0, width: 1440, height: 875 });
    expect(windowBoundsFor({ x: 1300, y: 600, width: 800, height: 600 }, [laptop])).toEqual({ x: 640, y: 275, width: 800, height: 600 });
  });

  it('does not keep a window whose title bar is off screen (above the top)', () => {
    const result = windowBoundsFor({ x: 100, y: -600, width: 1000, height: 700 }, [laptop]);
    expect(result).toEqual({ x: 220, y: 88, width: 1000, height: 700 });
  });

  it('uses defaults for junk and enforces the minimum size', () => {
    for (const junk of [null, undefined, 'x', { x: 'a' }, { x: NaN, y: 0, width: 1, height: 1 }, { x: 0, y: 0, width: Infinity, height: 10 }]) {
      expect(windowBoundsFor(junk, [laptop])).toEqual({ x: 120, y: 38, ...defaultWindowSize });
    }
    expect(windowBoundsFor({ x: 10, y: 10, width: 10, height: 10 }, [laptop])).toEqual({ x: 10, y: 10, width: 640, height: 420 });
  });

  it('copes with no display information at all', () => {
    expect(windowBoundsFor(null, [])).toEqual({ x: 0, y: 0, ...defaultWindowSize });
  });
});
