import vscode = require('vscode');
import type { Node } from '../../core/customers/nodes';
import { type AgentSurfaces, createAgentSurfaces } from '../chat/agentSurfaces';
import { ApiService } from '../common/apiService';
import { copyCommands } from '../customers/copyCommands';
import { credentialCommands } from '../credentials/credentialCommands';
import { customerCommands } from '../customers/customerCommands';
import { dataCommands } from '../customers/dataCommands';
import { type CommandTable, type Features, withErrorFunnel } from '../common/commandRegistry';
import { CredentialStore } from '../credentials/credentialStore';
import { CustomerLists } from '../customers/customerLists';
import { CustomerHoverProvider } from '../hover/hoverProvider';
import { CustomerRefIndex } from '../hover/refIndex';
import { Lifecycle } from '../common/lifecycle';
import { DetailPanels } from '../customers/detailPanels';
import { OrderFeature } from '../orders/orderFeature';
import type { DataServices, FeatureServices, PlatformServices } from './services';
import { StoreSessions } from '../session/storeSessions';
import { CustomerTreeProvider } from '../customers/customerTreeProvider';
import { webhookCommands } from '../webhooks/commands';
import { DeliveriesView } from '../webhooks/deliveriesView';
import { providePayload } from '../webhooks/payloadDocs';
import { type WebhookEvents, WebhookWorkbench } from '../webhooks/workbench';

/**
 * Everything activation does not need, built once on first use by the shell (src/host/app/shell.ts),
 * whose stand-ins call in here: the tree, the panels, the id index with its hovers and links, the
 * command handlers, terminal links and chat tools. This module is the root of its own chunk
 * (dist/features-*.js): nothing evaluated at activation may import it except as a type.
 */
export class LoadedFeatures extends Lifecycle implements Features, DataServices {
  readonly credentials: CredentialStore;
  readonly api: ApiService;
  readonly lists: CustomerLists;
  readonly sessions: StoreSessions;
  readonly tree: CustomerTreeProvider;
  readonly panels: DetailPanels;
  readonly refs: CustomerRefIndex;
  readonly hover: CustomerHoverProvider;
  readonly commands: CommandTable;
  readonly agents: AgentSurfaces;
  readonly orders: OrderFeature;
  readonly webhooks: WebhookWorkbench;
  readonly deliveries: DeliveriesView;
  /** Every service a feature may ask for; each constructor below types only the part it uses (`Needs<…>`). */
  readonly services: FeatureServices;

  /**
   * The features stage: the one factory of the features. It builds the data services first (the
   * API client's owner, the Recent/Pinned lists, one session per store: activation neither
   * evaluates nor builds them), then every feature with what it needs.
   */
  constructor(platform: PlatformServices, treeChanges: vscode.EventEmitter<Node | undefined>, webhookEvents: WebhookEvents) {
    super();
    const { context, settings, logger } = platform;
    const credentials = this.credentials = new CredentialStore(platform.credentials, logger);
    const pkg = context.extension.packageJSON as { name?: string; version?: string };
    const userAgent = `${pkg.name ?? 'yampi-customers'}-vscode/${pkg.version ?? '0.0.0'} (VS Code ${vscode.version})`;
    // disposed newest first: the features, then the sessions (which use the other two), the lists, the client
    const api = this.api = this.register(new ApiService(settings, logger, userAgent));
    const lists = this.lists = this.register(new CustomerLists(context.globalState));
    this.sessions = this.register(new StoreSessions(credentials, { client: () => api.client(), lists, logger, clearCache: (alias) => { api.clearCache(alias); } }));
    const services: FeatureServices = this.services = {
      context, logger, settings, credentials, notifier: platform.notifier, get channel() { return platform.channel; },
      api, lists, sessions: this.sessions,
    };
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
