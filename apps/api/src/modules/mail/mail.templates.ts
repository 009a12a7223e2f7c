import type { MailMessage } from "./mail-transport.js";

/**
 * Mail to an address nobody has proven yet carries no text a user typed (their name included): otherwise anyone
 * could register someone else's address and have Lumen deliver their words ("your account was suspended, restore it
 * at …") from a trusted sender. Only a verified address is greeted by name.
 */
const greeting = (name: string | null) => (name ? `Hi ${name},` : "Hello,");

export function verificationEmail(to: string, link: string): MailMessage {
  return {
    to,
    subject: "Confirm your email for Lumen",
    text: `${greeting(null)}\n\nWelcome to Lumen! Confirm your email address by opening this link:\n\n${link}\n\nThe link works once and expires in 24 hours. If you did not create an account, ignore this email.\n\n— The Lumen team\n`,
  };
}

/** `verifiedName`: the account's name when its address is verified, else null. */
export function passwordResetEmail(to: string, verifiedName: string | null, link: string): MailMessage {
  return {
    to,
    subject: "Reset your Lumen password",
    text: `${greeting(verifiedName)}\n\nSomeone (hopefully you) asked to reset the password of your Lumen account. Choose a new password here:\n\n${link}\n\nThe link works once and expires in 30 minutes. Setting a new password signs you out everywhere. If you did not ask for this, ignore this email: your password stays as it is.\n\n— The Lumen team\n`,
  };
}
