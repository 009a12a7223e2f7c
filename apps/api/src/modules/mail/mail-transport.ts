import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** The mail vendor adapter: SMTP through nodemailer, or `.eml` files in development. */
export interface MailTransport {
  readonly kind: "smtp" | "file";
  send(message: MailMessage & { from: string }): Promise<void>;
  close(): void;
}

export function createSmtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    kind: "smtp",
    async send(message) {
      await transporter.sendMail(message);
    },
    close: () => transporter.close(),
  };
}

/** Writes each message as an RFC 5322 `.eml` file under `dir` (DATA_DIR/outbox). */
export function createFileTransport(dir: string): MailTransport {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  // Names sort in sending order even within one millisecond: the outbox reads like an inbox.
  let sent = 0;
  return {
    kind: "file",
    async send(message) {
      const info = await builder.sendMail(message);
      await mkdir(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      const seq = String(++sent).padStart(6, "0");
      await writeFile(path.join(dir, `${stamp}-${seq}-${randomUUID().slice(0, 8)}.eml`), info.message as Buffer, {
        mode: 0o600,
      });
    },
    close: () => {},
  };
}
