import type { MailMessage } from "./mail-transport.js";

export function verificationEmail(to: string, name: string, link: string): MailMessage {
  return {
    to,
    subject: "Confirm your email for Lumen",
    text: `Hi ${name},\n\nWelcome to Lumen! Confirm your email address by opening this link:\n\n${link}\n\nThe link works once and expires in 24 hours. If you did not create an account, ignore this email.\n\n— The Lumen team\n`,
  };
}

export function passwordResetEmail(to: string, name: string, link: string): MailMessage {
  return {
    to,
    subject: "Reset your Lumen password",
    text: `Hi ${name},\n\nSomeone (hopefully you) asked to reset the password of your Lumen account. Choose a new password here:\n\n${link}\n\nThe link works once and expires in 30 minutes. Setting a new password signs you out everywhere. If you did not ask for this, ignore this email: your password stays as it is.\n\n— The Lumen team\n`,
  };
}
