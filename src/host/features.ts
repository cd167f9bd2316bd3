import vscode = require('vscode');
import type { Node } from '../core/tree/nodes';
import { type AgentSurfaces, createAgentSurfaces } from './agentSurfaces';
import { ApiService } from './apiService';
import { copyCommands } from './commands/copy';
import { credentialCommands } from './commands/credentials';
import { customerCommands } from './commands/customers';
import { dataCommands } from './commands/data';
import { type CommandTable, type Features, withErrorFunnel } from './commands/registry';
import { CustomerLists } from './customerLists';
import { CustomerHoverProvider } from './hover/hoverProvider';
import { CustomerRefIndex } from './hover/refIndex';
import { Lifecycle } from './lifecycle';
import { DetailPanels } from './panel/detailPanels';
import { OrderFeature } from './orders/orderFeature';
import type { Services } from './services';
import { StoreSessions } from './session/storeSessions';
import { CustomerTreeProvider } from './tree/customerTreeProvider';
import { webhookCommands } from './webhooks/commands';
import { DeliveriesView } from './webhooks/deliveriesView';
import { providePayload } from './webhooks/payloadDocs';
import { type WebhookEvents, WebhookWorkbench } from './webhooks/workbench';

/**
 * Everything activation does not need, built once on first use by the shell (src/host/shell.ts),
 * whose stand-ins call in here: the tree, the panels, the id index with its hovers and links, the
 * command handlers, terminal links and chat tools. This module is the root of its own chunk
 * (dist/features-*.js): nothing evaluated at activation may import it except as a type.
 */
export class LoadedFeatures extends Lifecycle implements Features {
  readonly tree: CustomerTreeProvider;
  readonly panels: DetailPanels;
  readonly refs: CustomerRefIndex;
  readonly hover: CustomerHoverProvider;
  readonly commands: CommandTable;
  readonly agents: AgentSurfaces;
  readonly orders: OrderFeature;
  readonly webhooks: WebhookWorkbench;
  readonly deliveries: DeliveriesView;

  constructor(readonly services: Services, treeChanges: vscode.EventEmitter<Node | undefined>, webhookEvents: WebhookEvents) {
    super();
    const pkg = services.context.extension.packageJSON as { name?: string; version?: string };
    const userAgent = `${pkg.name ?? 'yampi-customers'}-vscode/${pkg.version ?? '0.0.0'} (VS Code ${vscode.version})`;
    const api = new ApiService(services.settings, services.logger, userAgent);
    const lists = new CustomerLists(services.context.globalState);
    services.startData({ api, lists, sessions: new StoreSessions(services.credentials, { client: () => api.client(), lists, logger: services.logger, clearCache: (alias) => { api.clearCache(alias); } }) });
    this.tree = this.register(new CustomerTreeProvider(services));
    this.register(this.tree.onDidChangeTreeData((e) => { treeChanges.fire(e); }));
    this.panels = this.register(new DetailPanels(services));
    this.refs = this.register(new CustomerRefIndex(services));
    this.hover = new CustomerHoverProvider(services, this.refs);
    this.orders = this.register(new OrderFeature(services));
    this.webhooks = this.register(new WebhookWorkbench(services, webhookEvents));
    this.deliveries = new DeliveriesView(this.webhooks);
    this.commands = withErrorFunnel(services, { ...credentialCommands(services, (v) => this.tree.isOwnNode(v)), ...customerCommands(this), ...copyCommands(this), ...dataCommands(this), ...this.orders.commands(), ...webhookCommands(this.webhooks) });
    this.agents = this.register(createAgentSurfaces(this));
  }

  /** A webhook payload document's text (src/host/webhooks/payloadDocs.ts). */
  payloadText(uri: vscode.Uri): string {
    return providePayload(this.webhooks, uri);
  }
}
