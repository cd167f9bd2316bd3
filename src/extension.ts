import vscode = require('vscode');
import { registerAgentSurfaces } from './host/agentSurfaces';
import { copyCommands } from './host/commands/copy';
import { credentialCommands } from './host/commands/credentials';
import { customerCommands } from './host/commands/customers';
import { dataCommands } from './host/commands/data';
import { type Features, registerCommands } from './host/commands/registry';
import { registerHovers } from './host/hover/hoverProvider';
import { CustomerRefIndex } from './host/hover/refIndex';
import { DetailPanels } from './host/panel/detailPanels';
import { Services } from './host/services';
import { registerStatusBar } from './host/statusBar';
import { type TestApi, TestSeams } from './host/testing/testSeams';
import { CustomerTreeProvider } from './host/tree/customerTreeProvider';

export type { PanelSectionFacts, RenderedNode, TestApi } from './host/testing/testSeams';

/** The composition root: build the services, register every surface, return (the test API only under test). */
export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  try {
    const seams = TestSeams.fromEnvironment(context);
    const services = new Services(context, seams);
    context.subscriptions.push(services);
    const tree = services.register(new CustomerTreeProvider(services));
    services.register(vscode.window.createTreeView('yampi.customers', { treeDataProvider: tree, showCollapseAll: true }));
    const f: Features = { services, tree, panels: services.register(new DetailPanels(services)), refs: services.register(new CustomerRefIndex(services)) };
    services.register(registerHovers(services, f.refs));
    services.register(registerCommands(services, { ...credentialCommands(services), ...customerCommands(f), ...copyCommands(f), ...dataCommands(f) }));
    services.register(registerStatusBar(services));
    const agents = services.register(registerAgentSurfaces(f));
    services.logger.info(`Activated (VS Code ${vscode.version}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} UI${vscode.env.remoteName ? `, remote ${vscode.env.remoteName}` : ''}).`);
    return seams?.api(f, agents);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Yampi Customers failed to start: {0}', e instanceof Error ? e.message : String(e)));
    throw e;
  }
}

export function deactivate(): void {
  // everything is disposed through context.subscriptions
}
