import { createHash, createHmac } from 'node:crypto';

/** mulberry32: tiny, fast and good enough to make scenarios and ids repeat exactly for a seed. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const B36 = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * cuid-shaped ids (`c` + 24 base36 chars). The time part keeps ids from a restarted gateway
 * (same seed, later clock) from colliding with the ones already in its state file.
 */
export function createIdFactory(random: () => number, now: () => number): () => string {
  let counter = 0;
  return () => {
    const time = Math.floor(now()).toString(36).padStart(9, '0').slice(-9);
    const count = (counter++ % 1679616).toString(36).padStart(4, '0');
    let rest = '';
    for (let i = 0; i < 11; i++) rest += B36[Math.floor(random() * 36)];
    return `c${time}${count}${rest}`;
  };
}

/** Fixture keys are derived from the seed, so a restarted gateway can show them again without storing them. */
export function deriveApiKey(seed: number, userIndex: number, keyIndex: number): string {
  const hex = createHmac('sha256', `placet-mock-seed-${seed}`).update(`user:${userIndex}:key:${keyIndex}`).digest('hex');
  return `hp_${hex.slice(0, 48)}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The 11-character display prefix Placet keeps for a key (`hp_` + 8). Safe to log. */
export function keyPrefix(key: string): string {
  return key.slice(0, 11);
}

export const API_KEY_PATTERN = /^hp_[0-9a-f]{48}$/;
