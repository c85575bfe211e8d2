import type { MockStore } from './mock-store';
import { deriveApiKey, keyPrefix, sha256Hex } from './random';
import type { FixtureSpec, Fixtures, StoredAgent } from './types';

/** Two users: the first has 2 keys and 3 agents, the second 1 key and 2 agents. */
export const DEFAULT_FIXTURES: FixtureSpec = {
  users: [
    {
      name: 'Ada Operator',
      apiKeys: 2,
      agents: [
        { name: 'Deploy Bot', webhookUrl: 'https://hooks.agents.example/deploy-bot', tag: 'ops' },
        { name: 'Research Assistant', tag: 'research' },
        { name: 'Support Triage', tag: 'ops' },
      ],
    },
    {
      name: 'Grace Reviewer',
      apiKeys: 1,
      agents: [{ name: 'Data Pipeline', webhookUrl: 'https://hooks.agents.example/pipeline' }, { name: 'Billing Watcher' }],
    },
  ],
};

export function newAgent(fields: Partial<StoredAgent> & { id: string; ownerId: string; name: string; createdAt: string }): StoredAgent {
  const { id, ownerId, name, ...rest } = fields;
  return {
    id,
    ownerId,
    name,
    description: null,
    avatarUrl: null,
    webhookUrl: null,
    webhookHeaders: null,
    webhookAuth: null,
    status: 'offline',
    statusMessage: null,
    statusSince: null,
    lastActiveAt: null,
    commands: null,
    tag: null,
    managementUrl: null,
    managementApiKey: null,
    isSubagent: false,
    parentAgentId: null,
    ...rest,
  };
}

/** Writes the users, keys and agents of a spec into an empty store. */
export function seedFixtures(store: MockStore, spec: FixtureSpec, seed: number, newId: () => string, now: number): void {
  const createdAt = new Date(now).toISOString();
  spec.users.forEach((u, ui) => {
    const userId = u.id ?? newId();
    store.putUser({ id: userId, name: u.name ?? `User ${ui + 1}`, createdAt });
    const keys = Array.isArray(u.apiKeys) ? u.apiKeys : Array.from({ length: u.apiKeys ?? 1 }, (_, ki) => deriveApiKey(seed, ui, ki));
    for (const key of keys) store.putKey({ userId, keyHash: sha256Hex(key), prefix: keyPrefix(key) });
    // Agents are listed newest first; give them increasing createdAt so the spec order is the age order.
    const generated = Array.from({ length: u.agentCount ?? 0 }, (_, i) => ({ name: `Agent ${i + 1}` }));
    [...(u.agents ?? []), ...generated].forEach((a: NonNullable<typeof u.agents>[number], ai) => {
      store.putAgent(
        newAgent({
          id: a.id ?? newId(),
          ownerId: userId,
          name: a.name,
          webhookUrl: a.webhookUrl ?? null,
          tag: a.tag ?? null,
          description: a.description ?? null,
          createdAt: new Date(now + ai).toISOString(),
        }),
      );
    });
  });
}

/**
 * The fixtures as the store holds them now. The store has only key hashes, so plaintext keys are
 * recovered from the seed (generated keys) or the spec (explicit keys) by matching hashes.
 */
export function describeFixtures(store: MockStore, seed: number, spec: FixtureSpec | null): Fixtures {
  const explicit = (spec?.users ?? []).flatMap((u) => (Array.isArray(u.apiKeys) ? u.apiKeys : []));
  return {
    users: [...store.users.values()].map((user, ui) => {
      const candidates = [...Array.from({ length: 10 }, (_, ki) => deriveApiKey(seed, ui, ki)), ...explicit];
      const apiKeys = candidates.filter((k, i) => candidates.indexOf(k) === i && store.keysByHash.get(sha256Hex(k))?.userId === user.id);
      const agents = store.agentsOf(user.id).map((a) => ({ id: a.id, name: a.name }));
      return { id: user.id, name: user.name, apiKeys, agents };
    }),
  };
}
