import vscode = require('vscode');
import { Platform, type Seams } from './host/app/services';
import { notice, vscodeNotifier } from './host/common/notify';
import { Shell } from './host/app/shell';
import { registerStatusBar } from './host/app/statusBar';

/**
 * The composition root. Activation builds the services, the status bar and the shell's stand-ins
 * for every contribution; the features behind them load on first use (src/host/app/shell.ts). Under
 * test (YAMPI_EXTENSION_TEST=1 only, defined off in the production build) it also loads the test
 * seams and returns their API, typed on the test side (src/host/testing/testSeams.ts).
 */
export function activate(context: vscode.ExtensionContext): Promise<unknown> | undefined {
  try {
    if (process.env['YAMPI_EXTENSION_TEST'] === '1') {
      return import('./host/testing/testSeams.js').then(({ TestSeams }) => {
        const seams = new TestSeams(context);
        const shell = start(context, seams);
        return seams.api(shell);
      }).catch((e: unknown) => { throw failedToStart(e); });
    }
    start(context);
    return undefined;
  } catch (e) {
    throw failedToStart(e);
  }
}

function start(context: vscode.ExtensionContext, seams?: Seams): Shell {
  // the activation stage; the features stage is built by the shell on first use (src/host/app/features.ts)
  const platform = new Platform(context, seams);
  context.subscriptions.push(platform);
  const shell = platform.register(new Shell(platform).registerAll());
  platform.register(registerStatusBar(platform));
  return shell;
}

function failedToStart(e: unknown): unknown {
  void vscodeNotifier.error(notice('Yampi Customers failed to start: {0}', e instanceof Error ? e.message : String(e)));
  return e;
}

export function deactivate(): void {
  // everything is disposed through context.subscriptions
}
