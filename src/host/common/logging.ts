import type * as vscode from 'vscode';
import { type Logger, redact } from '../../core/common/logger';

/**
 * Adapts the core Logger to one LogOutputChannel (follows "Developer: Set Log Level"), asked for
 * at each message so the channel can be created on the first one.
 * Every message and argument passes through redact(): secret-looking keys are dropped and the
 * literal secrets the credential store knows are scrubbed from strings.
 */
export function createLogger(channelOf: () => vscode.LogOutputChannel, knownSecrets: () => readonly string[]): Logger {
  const fmt = (message: string | Error, args: readonly unknown[]): string => {
    const secrets = knownSecrets();
    const head = message instanceof Error ? `${message.name}: ${message.message}${message.stack ? `\n${message.stack}` : ''}` : message;
    const tail = args.map((a) => {
      if (a instanceof Error) {
        return `${a.name}: ${a.message}`;
      }
      const r = redact(a, secrets);
      return typeof r === 'string' ? r : JSON.stringify(r);
    });
    return redact([head, ...tail].join(' '), secrets) as string;
  };
  return {
    trace: (m, ...a) => { channelOf().trace(fmt(m, a)); },
    debug: (m, ...a) => { channelOf().debug(fmt(m, a)); },
    info: (m, ...a) => { channelOf().info(fmt(m, a)); },
    warn: (m, ...a) => { channelOf().warn(fmt(m, a)); },
    error: (m, ...a) => { channelOf().error(fmt(m, a)); },
  };
}
