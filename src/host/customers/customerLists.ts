import vscode = require('vscode');
import { Lifecycle } from '../common/lifecycle';

const RECENT_MAX = 20;

/**
 * Recent and Pinned per store: customer ids only (no names, nothing personal), in global state.
 */
export class CustomerLists extends Lifecycle {
  private readonly emitter = this.register(new vscode.EventEmitter<string>());
  readonly onDidChange = this.emitter.event;

  constructor(private readonly state: vscode.Memento) {
    super();
  }

  recent(alias: string): number[] {
    return this.read(`yampi.recent/${alias}`);
  }

  pinned(alias: string): number[] {
    return this.read(`yampi.pinned/${alias}`);
  }

  isPinned(alias: string, id: number): boolean {
    return this.pinned(alias).includes(id);
  }

  async addRecent(alias: string, id: number): Promise<void> {
    const next = [id, ...this.recent(alias).filter((x) => x !== id)].slice(0, RECENT_MAX);
    await this.state.update(`yampi.recent/${alias}`, next);
    this.emitter.fire(alias);
  }

  async pin(alias: string, id: number): Promise<void> {
    if (!this.isPinned(alias, id)) {
      await this.state.update(`yampi.pinned/${alias}`, [...this.pinned(alias), id]);
      this.emitter.fire(alias);
    }
  }

  async unpin(alias: string, id: number): Promise<void> {
    await this.state.update(`yampi.pinned/${alias}`, this.pinned(alias).filter((x) => x !== id));
    this.emitter.fire(alias);
  }

  async clearRecent(aliases: readonly string[]): Promise<void> {
    for (const alias of aliases) {
      await this.state.update(`yampi.recent/${alias}`, undefined);
      this.emitter.fire(alias);
    }
  }

  /** Drops everything kept for a store (on sign-out). */
  async forget(alias: string): Promise<void> {
    await this.state.update(`yampi.recent/${alias}`, undefined);
    await this.state.update(`yampi.pinned/${alias}`, undefined);
    this.emitter.fire(alias);
  }

  private read(key: string): number[] {
    const raw = this.state.get<unknown>(key);
    return Array.isArray(raw) ? raw.filter((x): x is number => Number.isSafeInteger(x) && (x as number) > 0) : [];
  }
}
