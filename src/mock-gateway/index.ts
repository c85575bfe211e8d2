// The mock Placet gateway as a library. See README.md.
export { createMockGateway, type MockGateway, type MockGatewayOptions } from './mock-gateway';
export { startDemoGateway, type DemoGatewayHandle } from './demo-gateway';
export type { MockClock } from './clock';
export type { Profile } from './context';
export type { FaultRequest } from './faults';
export type { Scenario, ScenarioStep } from './scenarios/scenario-types';
export { loadScenario, scenarioNames } from './scenarios/scenario-catalog';
export type { FixtureSpec, Fixtures } from './types';
export { DEFAULT_FIXTURES } from './fixtures';
