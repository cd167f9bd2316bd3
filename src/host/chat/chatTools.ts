/**
 * The language-model tools of product.md § Terminal and chat, registered with `vscode.lm.registerTool`
 * (declared in package.json `contributes.languageModelTools`). Thin: inputs, texts and the privacy
 * rules live in src/core/chat; this adapter resolves the store, asks for confirmation, calls the
 * lookups it is given (the client's cache, limiter and cancellation) and returns every outcome,
 * failures included, as a text result — it never throws to the chat.
 */
import vscode = require('vscode');
import { type CustomersPage, failureResult, type OrdersPage, customerResult, ordersResult, searchResult, type ToolFailure, toolFailureOf, type ToolStore } from '../../core/chat/results';
import { classifyToolQuery, guardedToolSearch, nameMatchesOnly, ToolSearchCap } from '../../core/chat/searchPrivacy';
import { type GetCustomerInput, type GetOrderInput, type GetOrdersInput, parseToolInput, type SearchCustomersInput, storeLabelMarkdown, toolConfirmation, TOOL_NAMES, type ToolInputs, type ToolName } from '../../core/chat/tools';
import type { CustomerRecord } from '../../core/customers/customer';
import { type Locale, toLocale } from '../../core/common/strings';

export interface ChatToolDeps {
  /** Alias of the active store; undefined when no store is connected. */
  activeAlias(): string | undefined;
  /**
   * Display name of a connected store (the active one when `alias` is left out); undefined when
   * that store is not connected.
   */
  storeName(alias?: string): string | undefined;
  /** `yampi.privacy.maskSensitiveData`. */
  privacy(): boolean;
  getCustomer(alias: string, id: number, token: vscode.CancellationToken): Promise<CustomerRecord>;
  searchCustomers(alias: string, query: string, limit: number, token: vscode.CancellationToken): Promise<CustomersPage>;
  getOrders(alias: string, id: number, limit: number, token: vscode.CancellationToken): Promise<OrdersPage>;
  /** yampi_getOrder's whole text (src/host/orders/orderFeature.ts): the order, checked, or why there is none. */
  orderText(store: ToolStore, input: GetOrderInput, token: vscode.CancellationToken): Promise<string>;
  /** A short localized message for an unexpected error (e.g. the host's describeError); never a secret. */
  describeError?(e: unknown): string;
  log?(message: string): void;
}

type Resolved = { readonly ok: true; readonly store: ToolStore } | { readonly ok: false; readonly failure: ToolFailure };

const locale = (): Locale => toLocale(vscode.env.language);

const textResult = (text: string): vscode.LanguageModelToolResult => new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);

/** The store a call reads from: the one asked for (it must be connected), else the active one. */
function resolveStore(deps: ChatToolDeps, requested: string | undefined): Resolved {
  const alias = requested ?? deps.activeAlias();
  if (alias === undefined) {
    return { ok: false, failure: { kind: 'signedOut' } };
  }
  const name = deps.storeName(alias);
  if (requested !== undefined && name === undefined) {
    return { ok: false, failure: { kind: 'unknownStore', alias: requested } };
  }
  return { ok: true, store: { alias, name } };
}

const storeOf = (input: ToolInputs[ToolName]): string | undefined => ('store' in input ? input.store : undefined);
const idOf = (input: ToolInputs[ToolName]): number | undefined => ('id' in input ? input.id : undefined);

export class YampiChatTool implements vscode.LanguageModelTool<unknown> {
  constructor(
    readonly name: ToolName,
    private readonly deps: ChatToolDeps,
    /** Tool searches per store per minute, shared by the tools (issue 18 §2.3). */
    private readonly searchCap: ToolSearchCap = new ToolSearchCap(),
  ) {}

  /** Confirmation naming the store; none when nothing would be read (bad input, no store): invoke then explains. */
  prepareInvocation(options: vscode.LanguageModelToolInvocationPrepareOptions<unknown>): vscode.PreparedToolInvocation {
    const l = locale();
    const parsed = parseToolInput(this.name, options.input, l);
    if (!parsed.ok) {
      return {};
    }
    const resolved = resolveStore(this.deps, storeOf(parsed.value));
    if (!resolved.ok) {
      return {};
    }
    if ('query' in parsed.value && this.deps.privacy() && classifyToolQuery(parsed.value.query) === 'fragment') {
      return {}; // refused without a request: invoke explains, nothing to confirm
    }
    const c = toolConfirmation(this.name, parsed.value, storeLabelMarkdown(resolved.store.alias, resolved.store.name, l), this.deps.privacy(), l);
    // Markdown, not trusted, no HTML, no icons: the query and the store name in it are escaped
    return { invocationMessage: new vscode.MarkdownString(c.progress), confirmationMessages: { title: c.title, message: new vscode.MarkdownString(c.message) } };
  }

  async invoke(options: vscode.LanguageModelToolInvocationOptions<unknown>, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
    const l = locale();
    const parsed = parseToolInput(this.name, options.input, l);
    if (!parsed.ok) {
      this.deps.log?.(`Tool ${this.name}: invalid input`);
      return textResult(failureResult({ kind: 'invalidInput', message: parsed.message }, undefined, l));
    }
    const resolved = resolveStore(this.deps, storeOf(parsed.value));
    if (!resolved.ok) {
      this.deps.log?.(`Tool ${this.name}: ${resolved.failure.kind}`);
      return textResult(failureResult(resolved.failure, undefined, l));
    }
    const { store } = resolved;
    // read through a function: the flag changes while the lookup is awaited
    const cancelled = (): boolean => token.isCancellationRequested;
    try {
      if (cancelled()) {
        return textResult(failureResult({ kind: 'cancelled' }, store, l));
      }
      const text = await this.run(parsed.value, store, token, l);
      this.deps.log?.(`Tool ${this.name}: answered from store ${store.alias}`);
      return textResult(cancelled() ? failureResult({ kind: 'cancelled' }, store, l) : text);
    } catch (e) {
      let failure: ToolFailure = cancelled() ? { kind: 'cancelled' } : toolFailureOf(e, idOf(parsed.value));
      if (failure.kind === 'other' && this.deps.describeError) {
        failure = { kind: 'other', message: this.deps.describeError(e) };
      }
      this.deps.log?.(`Tool ${this.name} in store ${store.alias}: ${failure.kind}`);
      return textResult(failureResult(failure, store, l));
    }
  }

  private async run(input: ToolInputs[ToolName], store: ToolStore, token: vscode.CancellationToken, l: Locale): Promise<string> {
    switch (this.name) {
      case 'yampi_getCustomer': {
        const i = input as GetCustomerInput;
        return customerResult(await this.deps.getCustomer(store.alias, i.id, token), store, this.deps.privacy(), l);
      }
      case 'yampi_searchCustomers': {
        const i = input as SearchCustomersInput;
        const privacy = this.deps.privacy();
        // privacy mode: a name or a whole identifier only, never a fragment to grow a guess with; the
        // cap holds either way. A refusal is the result, and no request is sent
        return guardedToolSearch(i.query, store.alias, privacy, this.searchCap, l, async () => {
          const page = await this.deps.searchCustomers(store.alias, i.query, i.limit, token);
          // a name query shows only name matches in privacy mode (the store may match inside e-mails)
          const items = privacy ? nameMatchesOnly(i.query, page.items) : page.items;
          return searchResult(i.query, items === page.items ? page : { ...page, items, total: items.length }, store, privacy, l);
        });
      }
      case 'yampi_getCustomerOrders': {
        const i = input as GetOrdersInput;
        return ordersResult(i.id, await this.deps.getOrders(store.alias, i.id, i.limit, token), store, l);
      }
      case 'yampi_getOrder':
        return this.deps.orderText(store, input as GetOrderInput, token);
    }
  }
}

/**
 * The tools, and the search cap they share; the shell registers stand-ins for them at activation
 * (src/host/app/shell.ts).
 */
export function createChatTools(deps: ChatToolDeps): { readonly tools: readonly YampiChatTool[]; readonly searchCap: ToolSearchCap } {
  const searchCap = new ToolSearchCap();
  return { tools: TOOL_NAMES.map((name) => new YampiChatTool(name, deps, searchCap)), searchCap };
}
