// The one code-server + browser the whole UI suite shares, set up by run.ts before mocha loads the
// *.ui.js files. Tests get it with ui().
import { type CodeServer } from '../harness/codeServer';
import { type Sandbox } from '../harness/sandbox';
import { type Workbench } from './driver';

export interface UiFixture {
  workbench: Workbench;
  codeServer: CodeServer;
  /** The sandbox store the extension talks to (its base URL is in yampi.apiBaseUrl). */
  sandbox: Sandbox | undefined;
  /** The workspace folder opened in the workbench (test/fixtures/workspace). */
  workspace: string;
}

let current: UiFixture | undefined;

export function setUiFixture(fixture: UiFixture | undefined): void {
  current = fixture;
}

/** The shared UI fixture; throws when the file is not run through out/test/e2e/run.js. */
export function ui(): UiFixture {
  if (!current) {
    throw new Error('UI tests run through `node out/test/e2e/run.js` (npm run test:ui), which starts code-server and the browser.');
  }
  return current;
}
