import type * as vscode from 'vscode';
import { customerIdOf } from '../../core/commands/args';
import type { CustomerRefIndex } from './refIndex';

/** The id under the cursor: a customer id found there (patterns, JSON structure), or a selected/under-cursor number. */
export function customerIdAt(editor: vscode.TextEditor, refs: CustomerRefIndex): number | undefined {
  const doc = editor.document;
  const sel = editor.selection;
  if (!sel.isEmpty) {
    const text = doc.getText(sel).trim().replace(/^#/, '');
    if (/^\d{1,15}$/.test(text)) {
      return customerIdOf(Number(text));
    }
  }
  const found = refs.refAt(doc, sel.active);
  if (found) {
    return found.id;
  }
  const word = doc.getWordRangeAtPosition(sel.active, /\d{1,15}/);
  return word ? customerIdOf(Number(doc.getText(word))) : undefined;
}
