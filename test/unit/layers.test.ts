import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules of DESIGN.md are ESLint import zones; this proves a wrong import really fails lint.

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layer rules', () => {
  it.each([
    ['src/main/core/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['src/main/core/x.ts', "import { createMockGateway } from '../../mock-gateway/index';\nexport const a = createMockGateway;\n"],
    ['src/shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
    ['src/shared/x.ts', "import { useState } from 'react';\nexport const a = useState;\n"],
    ['src/renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n"],
    ['src/renderer/x.ts', "import { createCore } from '../main/core/core';\nexport const a = createCore;\n"],
    ['src/mock-gateway/x.ts', "import { createCore } from '../main/core/core';\nexport const a = createCore;\n"],
    ['src/main/web/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['src/preload/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
  ])('%s: %s is refused', async (file, code) => {
    expect(await ruleIds(file, code)).toContain('no-restricted-imports');
  });

  it.each([
    ['src/main/electron/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['src/main/core/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
    ['src/renderer/x.ts', "import { invokeContract } from '../shared/ipc/contract';\nexport const a = invokeContract;\n"],
  ])('%s: an allowed import passes', async (file, code) => {
    expect(await ruleIds(file, code)).not.toContain('no-restricted-imports');
  });
});
