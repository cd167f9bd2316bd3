/**
 * The command behind the walkthrough's "hover an id" step (package.json `contributes.walkthroughs`):
 * an untitled log, never saved, with customer ids in the shapes the default patterns find.
 */
import vscode = require('vscode');

/** An id the sandbox store knows (test/sandbox/README.md); any other store shows "not found" for it. */
const SAMPLE_ID = 48213907;

export function sampleLogText(id: number = SAMPLE_ID): string {
  return [
    `# ${vscode.l10n.t('Hover a customer id below; Ctrl/Cmd+click opens its panel. Replace {0} with an id of your store.', id)}`,
    `2026-11-27T10:00:01Z INFO  webhook order.paid received customer_id=${id} order=1042`,
    `2026-11-27T10:00:02Z WARN  erp sync retry {"customer_id": ${id}, "attempt": 2}`,
    `2026-11-27T10:00:03Z INFO  admin https://painel.yampi.example/customers/${id}`,
    `2026-11-27T10:00:04Z INFO  ${vscode.l10n.t('this line has no customer id, so hovering it asks Yampi nothing')} order=1042`,
    '',
  ].join('\n');
}

/** Opens the walkthrough's sample log (untitled, never saved); resolves its URI. */
export async function openSampleLog(): Promise<string> {
  const doc = await vscode.workspace.openTextDocument({ language: 'log', content: sampleLogText() });
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc.uri.toString();
}
