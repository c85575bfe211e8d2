import { readFileSync } from 'node:fs';
import demo from './demo.json' with { type: 'json' };
import duplicatesAndMalformed from './duplicates-and-malformed.json' with { type: 'json' };
import expiryLadder from './expiry-ladder.json' with { type: 'json' };
import load from './load.json' with { type: 'json' };
import outage from './outage.json' with { type: 'json' };
import type { Scenario } from './scenario-types';

// Imported rather than read from disk so the scenarios survive bundling into the app.
const builtIn: Record<string, Scenario> = {
  demo: demo as Scenario,
  'expiry-ladder': expiryLadder as Scenario,
  outage: outage as Scenario,
  'duplicates-and-malformed': duplicatesAndMalformed as Scenario,
  load: load as Scenario,
};

export const scenarioNames = Object.keys(builtIn);

/** A built-in scenario by name, or a JSON timeline file by path. */
export function loadScenario(nameOrPath: string): Scenario {
  const known = builtIn[nameOrPath];
  if (known) return structuredClone(known);
  if (!nameOrPath.endsWith('.json')) throw new Error(`Unknown scenario "${nameOrPath}" (built in: ${scenarioNames.join(', ')})`);
  const parsed = JSON.parse(readFileSync(nameOrPath, 'utf8')) as Scenario;
  if (!Array.isArray(parsed.timeline)) throw new Error(`${nameOrPath}: a scenario needs a "timeline" array`);
  return parsed;
}
