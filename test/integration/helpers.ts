// Shared helpers for the extension-host suites: the extension's test API, the sandbox's HTTP
// controls (the sandbox runs in the harness process; YAMPI_SANDBOX_URL is its origin), polling.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/host/testing/testSeams';
import { SANDBOX_STORES, SANDBOX_USERS, type SandboxUser } from '../sandbox/constants';
import type { FaultSpec } from '../sandbox/faults';
import type { RequestLogEntry } from '../sandbox/server';

export const EXTENSION_ID = 'yampi-tools.yampi-customers';

export async function extensionApi(): Promise<TestApi> {
  const ext = vscode.extensions.getExtension<TestApi | undefined>(EXTENSION_ID);
  assert.ok(ext, 'extension not installed');
  const api = await ext.activate();
  assert.ok(api, 'the test API needs YAMPI_EXTENSION_TEST=1 in the extension host environment');
  return api;
}

function sandboxOrigin(): string {
  const url = process.env['YAMPI_SANDBOX_URL'];
  assert.ok(url, 'YAMPI_SANDBOX_URL is not set: the harness starts the sandbox');
  return url;
}

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${sandboxOrigin()}/__sandbox/${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  assert.ok(res.ok, `sandbox control ${method} ${path} → ${res.status}`);
  return res.json();
}

export async function sandboxRequests(): Promise<RequestLogEntry[]> {
  return ((await control('GET', 'requests')) as { requests: RequestLogEntry[] }).requests;
}

/**
 * Clears the sandbox (request log, faults, rate windows) and, given the test API, starts the
 * extension's API client afresh so no test waits for a rate window an earlier test used up.
 */
export async function resetSandbox(api?: TestApi): Promise<void> {
  await control('POST', 'reset');
  api?.resetApiClient();
}

export async function addFault(spec: FaultSpec): Promise<void> {
  await control('POST', 'faults', spec);
}

export async function signIn(user: SandboxUser, alias: string): Promise<boolean> {
  return (await vscode.commands.executeCommand('yampi.setCredentials', { alias, userToken: user.userToken, userSecretKey: user.userSecretKey })) === true;
}

/** The button that confirms each destructive command's modal, in the UI language. */
const CONFIRM = {
  'yampi.signOut': { en: 'Sign Out', pt: 'Sair' },
  'yampi.clearCache': { en: 'Clear', pt: 'Limpar' },
} as const;

/**
 * Runs a destructive command answering its confirmation (always asked unless the argument is our
 * tree's own node); the answer is dropped afterwards, so a command that returned before asking
 * leaves none for the next modal.
 */
export async function confirmed(api: TestApi, command: keyof typeof CONFIRM, ...args: unknown[]): Promise<unknown> {
  api.answerNextModal(CONFIRM[command][vscode.env.language.startsWith('pt') ? 'pt' : 'en']);
  try {
    return await vscode.commands.executeCommand(command, ...args);
  } finally {
    api.answerNextModal(undefined);
  }
}

export async function signOutAll(api: TestApi): Promise<void> {
  for (const alias of api.savedStoreAliases()) {
    await confirmed(api, 'yampi.signOut', alias);
  }
  assert.deepEqual(api.savedStoreAliases(), []);
}

export const owner: SandboxUser = SANDBOX_USERS.owner;
export const single: SandboxUser = SANDBOX_USERS.single;

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) {
      return v;
    }
    if (Date.now() > end) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Mocha hooks for a describe block of customer views: signed in to Aurora with privacy on; before
 * each test no panel is open, the cache is cleared and the sandbox reset; signed out after. Returns
 * the test API once the hooks have run.
 */
export function signedInToAurora(): () => TestApi {
  let api: TestApi | undefined;
  before(async () => {
    api = await extensionApi();
    await signOutAll(api);
    assert.equal(await signIn(owner, SANDBOX_STORES.aurora.alias), true);
    await vscode.workspace.getConfiguration('yampi').update('privacy.maskSensitiveData', true, vscode.ConfigurationTarget.Global);
  });
  beforeEach(async () => {
    const a = api;
    assert.ok(a);
    await closeAllEditors();
    await waitFor('panels closed', () => a.openPanels() === 0);
    await confirmed(a, 'yampi.clearCache');
    await resetSandbox(a);
  });
  after(async () => {
    await closeAllEditors();
    if (api) {
      await signOutAll(api);
    }
  });
  return () => {
    assert.ok(api, 'the before hook has not run');
    return api;
  };
}

/** The extension's log files (under its log folder), each file's text. */
export function extensionLog(api: TestApi): string[] {
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  return files(api.logDir()).map((f) => fs.readFileSync(f, 'utf8'));
}

/** Which customer-search convention the sandbox honours (`q`, `search`, `ignore`); reset by resetSandbox. */
export async function setSandboxSearchMode(mode: 'q' | 'search' | 'ignore', alias?: string): Promise<void> {
  await control('POST', 'search-mode', { mode, ...(alias === undefined ? {} : { alias }) });
}
