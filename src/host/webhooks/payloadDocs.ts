import vscode = require('vscode');
import { maskPayloadText } from '../../core/webhooks/payloadMask';
import { PAYLOAD_SCHEME, type WebhookWorkbench } from './workbench';

/** `yampi-webhook:/<seq>/<event>.json`: the uri carries the sequence number and the event, never data. */
export function payloadUri(seq: number, event: string | undefined): vscode.Uri {
  const name = (event ?? 'delivery').replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 60);
  return vscode.Uri.from({ scheme: PAYLOAD_SCHEME, path: `/${seq}/${name}.json` });
}

export function seqOfUri(uri: vscode.Uri): number | undefined {
  const m = /^\/(\d{1,9})\//.exec(uri.path);
  return m ? Number(m[1]) : undefined;
}

/** What a payload document says once its delivery is gone (or before the features ran). */
export function goneText(): string {
  return `// ${vscode.l10n.t('This webhook delivery is no longer held: deliveries live in memory only and go with sign-out, Clear Cached Data and a window reload.')}\n`;
}

/**
 * Payloads as read-only documents: the raw body as received, or with privacy mode on, the JSON
 * with personal data masked. VS Code asks again when the workbench fires a change.
 */
export function providePayload(wb: WebhookWorkbench, uri: vscode.Uri): string {
  const seq = seqOfUri(uri);
  const d = seq === undefined ? undefined : wb.log.get(seq);
  if (!d) {
    return goneText();
  }
  wb.noteDocument(uri);
  const text = Buffer.from(d.body).toString('utf8');
  return wb.masked ? maskPayloadText(text) : text;
}

export async function openPayload(wb: WebhookWorkbench, seq: number): Promise<vscode.TextEditor | undefined> {
  const d = wb.log.get(seq);
  if (!d) {
    return undefined;
  }
  const uri = payloadUri(seq, d.summary.event);
  let doc = await vscode.workspace.openTextDocument(uri);
  if (doc.languageId !== 'json') {
    doc = await vscode.languages.setTextDocumentLanguage(doc, 'json');
  }
  return vscode.window.showTextDocument(doc, { preview: true });
}
