/**
 * Where alert mails go: an SMTP server (SMTP_URL), or, in the embedded default, .eml files under
 * DATA_DIR/outbox/ so the install works with no mail server. send() resolves only once the server
 * accepted the mail (or the file is complete); errors never carry the SMTP credentials.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../config/load.js';

export interface OutgoingMail {
  to: readonly string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per alert, so a receiving system can spot the one possible duplicate (docs/alerts.md). */
  messageId: string;
}

export interface AlertTransport {
  readonly kind: 'smtp' | 'files';
  send(mail: OutgoingMail): Promise<void>;
  close(): Promise<void>;
}

export class MailDeliveryError extends Error {
  readonly code = 'mail_delivery_failed';
}

export function createAlertTransport(alerts: Config['alerts'], dataDir: string): AlertTransport {
  return alerts.smtpUrl ? smtpTransport(alerts.smtpUrl.reveal()) : fileTransport(join(dataDir, 'outbox'));
}

function smtpTransport(url: string): AlertTransport {
  const parsed = new URL(url);
  const user = decodeURIComponent(parsed.username);
  const pass = decodeURIComponent(parsed.password);
  const transporter = nodemailer.createTransport({
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : parsed.protocol === 'smtps:' ? 465 : 587,
    secure: parsed.protocol === 'smtps:',
    ...(user && { auth: { user, pass } }),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  const secrets = [pass, url, encodeURIComponent(pass)].filter((s) => s.length > 0);
  return {
    kind: 'smtp',
    async send(mail) {
      try {
        await transporter.sendMail({ ...mail, to: [...mail.to] });
      } catch (error) {
        throw new MailDeliveryError(describeSmtpError(error, secrets));
      }
    },
    async close() {
      transporter.close();
    },
  };
}

/** A short, credential-free account of an SMTP failure: code, response code, first line of the reply. */
function describeSmtpError(error: unknown, secrets: readonly string[]): string {
  if (!(error instanceof Error)) return 'SMTP send failed';
  const fields = error as Error & { code?: unknown; responseCode?: unknown; response?: unknown };
  const reply = typeof fields.response === 'string' ? fields.response : error.message;
  let text = `SMTP ${typeof fields.code === 'string' ? fields.code : 'error'}${typeof fields.responseCode === 'number' ? ` ${fields.responseCode}` : ''}: ${reply.split('\n')[0] ?? ''}`;
  for (const secret of secrets) text = text.split(secret).join('[redacted]');
  return text.slice(0, 300);
}

function fileTransport(folder: string): AlertTransport {
  // RFC 5322 lines end in CRLF; mail programs open such files as they would a received mail.
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    kind: 'files',
    async send(mail) {
      const info = await transporter.sendMail({ ...mail, to: [...mail.to] });
      const message: unknown = info.message;
      if (!Buffer.isBuffer(message)) throw new MailDeliveryError('mail could not be rendered');
      mkdirSync(folder, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.messageId.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 80)}.eml`;
      // Write then rename, so a reader never sees half a mail.
      const temp = join(folder, `.${name}.tmp`);
      writeFileSync(temp, message);
      renameSync(temp, join(folder, name));
    },
    async close() {
      transporter.close();
    },
  };
}
