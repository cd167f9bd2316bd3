import type { SectionView } from '../../core/related/renderSections';

/**
 * What the running extension lets an observer read: facts about its state, never a secret, and
 * nothing that changes it. The extension-host tests read them through the test seams
 * (src/host/testing/testSeams.ts, loaded only with YAMPI_EXTENSION_TEST=1). A production class
 * that has such facts implements `Inspectable` with its one `inspect()`; it has no other member
 * for tests. (A panel's message handler is handed out as the function its webview already calls.)
 */
export interface Inspectable<T> {
  inspect(): T;
}

/** The activation stage (src/host/app/services.ts). */
export interface PlatformFacts {
  /** The last value given to the `yampi.signedIn` context key. */
  readonly signedInContext: boolean;
}

/** The shell's stand-ins (src/host/app/shell.ts). */
export interface ShellFacts {
  /** Whether the panel serializers are registered. */
  readonly serializerRegistered: boolean;
}

/** The API client's owner (src/host/common/apiService.ts). */
export interface ApiFacts {
  /** True once dist/api.js (with undici) has been loaded. */
  readonly clientLoaded: boolean;
}

/** A related-record section of a panel, as it is now, and the HTML its webview gets. */
export interface SectionSnapshot {
  readonly view: SectionView;
  readonly html: string;
}

/** One open panel: where it is and the handler its webview's messages go to. */
export interface PanelFacts {
  readonly alias: string;
  readonly id: number;
  /** What the panel does with a message from its webview (the function its webview calls). */
  readonly receive: (message: unknown) => Promise<void>;
}

/** The customer detail panels (src/host/customers/detailPanels.ts). */
export interface DetailPanelsFacts {
  readonly panels: readonly (PanelFacts & { readonly sections: readonly SectionSnapshot[] })[];
}

/** The order panels (src/host/orders/orderPanels.ts). */
export interface OrderPanelsFacts {
  readonly panels: readonly (PanelFacts & { readonly title: string; readonly html: string })[];
}

/** The order feature (src/host/orders/orderFeature.ts). */
export interface OrderFeatureFacts {
  /** The rows of the last quick pick "Look Up Order…" offered (number/id ambiguity). */
  readonly lastChoice: readonly string[] | undefined;
}
