import type * as vscode from 'vscode';

/**
 * The one disposable base: owns what it registers and disposes it once, newest first. A second
 * dispose does nothing; one failing disposable does not stop the others.
 */
export class Lifecycle implements vscode.Disposable {
  private readonly owned: vscode.Disposable[] = [];
  private lifecycleEnded = false;

  protected get isDisposed(): boolean {
    return this.lifecycleEnded;
  }

  /** Takes ownership; registering after dispose disposes at once. */
  register<T extends vscode.Disposable>(d: T): T {
    if (this.lifecycleEnded) {
      d.dispose();
    } else {
      this.owned.push(d);
    }
    return d;
  }

  /** Lets go of a child that ended on its own (without disposing it). */
  disown(d: vscode.Disposable): void {
    const i = this.owned.indexOf(d);
    if (i >= 0) {
      this.owned.splice(i, 1);
    }
  }

  dispose(): void {
    if (this.lifecycleEnded) {
      return;
    }
    this.lifecycleEnded = true;
    this.onDispose();
    for (const d of this.owned.splice(0).reverse()) {
      try {
        d.dispose();
      } catch {
        // one failing disposable must not keep the rest alive
      }
    }
  }

  /** Runs first in dispose(), while everything owned is still alive. */
  protected onDispose(): void {
    // for subclasses
  }
}
