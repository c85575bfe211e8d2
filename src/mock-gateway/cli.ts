import { parseArgs } from 'node:util';
import { createMockGateway, type MockGatewayOptions } from './mock-gateway';
import { loadScenario, scenarioNames } from './scenarios/scenario-catalog';

const HELP = `Usage: npm run mock -- [options]

Runs the mock Placet gateway (Socket.IO /ws, REST /api/v1, control API /mock).
When it listens it prints one line: PLACET_MOCK_READY {"url":…,"fixtures":…}

  --port N             port to listen on (default 4010; 0 = any free port)
  --host H             address to bind (default 127.0.0.1)
  --scenario NAME      built-in scenario (${scenarioNames.join(', ')}) or a .json timeline file
  --seed N             seed for ids, keys and scenario randomness (default 1)
  --state FILE         persist data to FILE (JSONL); an existing file is loaded
  --profile P          placet (default, follows the server's code) or docs (the public docs' variant)
  --time-scale X       virtual time runs X times faster than real time (default 1)
  --no-rate-limit      turn the 100 requests / 60 s throttler off
  --rate-limit N/S     throttle to N requests per S seconds
  --ping-interval MS   Socket.IO heartbeat interval (default 25000)
  --ping-timeout MS    Socket.IO heartbeat timeout (default 20000)
  --load-agents N      load scenario: channels to use
  --load-rate M        load scenario: messages per second
  --load-seconds T     load scenario: duration in seconds
  --help               show this help
`;

function num(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`${flag} needs a number, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      scenario: { type: 'string' },
      seed: { type: 'string' },
      state: { type: 'string' },
      profile: { type: 'string' },
      'time-scale': { type: 'string' },
      'no-rate-limit': { type: 'boolean' },
      'rate-limit': { type: 'string' },
      'ping-interval': { type: 'string' },
      'ping-timeout': { type: 'string' },
      'load-agents': { type: 'string' },
      'load-rate': { type: 'string' },
      'load-seconds': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  if (values.profile && values.profile !== 'placet' && values.profile !== 'docs') throw new Error('--profile is placet or docs');
  const options: MockGatewayOptions = {
    port: num(values.port, '--port') ?? 4010,
    host: values.host,
    seed: num(values.seed, '--seed'),
    state: values.state,
    profile: values.profile as MockGatewayOptions['profile'],
    timeScale: num(values['time-scale'], '--time-scale'),
    pingInterval: num(values['ping-interval'], '--ping-interval'),
    pingTimeout: num(values['ping-timeout'], '--ping-timeout'),
  };
  if (values['no-rate-limit']) options.rateLimit = false;
  else if (values['rate-limit']) {
    const [n, s] = values['rate-limit'].split('/').map(Number);
    if (!n || !s) throw new Error('--rate-limit is N/S, e.g. 100/60');
    options.rateLimit = { limit: n, windowMs: s * 1000 };
  }
  if (values.scenario) {
    const scenario = loadScenario(values.scenario);
    for (const step of scenario.timeline) {
      if (step.do !== 'load') continue;
      step.agents = num(values['load-agents'], '--load-agents') ?? step.agents;
      step.ratePerSec = num(values['load-rate'], '--load-rate') ?? step.ratePerSec;
      const seconds = num(values['load-seconds'], '--load-seconds');
      if (seconds !== undefined) step.durationMs = seconds * 1000;
      if (scenario.fixtures?.users[0] && (scenario.fixtures.users[0].agentCount ?? 0) < step.agents) scenario.fixtures.users[0].agentCount = step.agents;
    }
    options.scenario = scenario;
  }
  const gateway = await createMockGateway(options);
  process.stdout.write(`PLACET_MOCK_READY ${JSON.stringify({ url: gateway.url, port: gateway.port, fixtures: gateway.fixtures })}\n`);
  const stop = () => {
    void gateway.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`placet mock: ${(error as Error).message}\n`);
  process.exit(1);
});
