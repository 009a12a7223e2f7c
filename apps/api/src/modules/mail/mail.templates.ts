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

const money = (amount: number, currency: string) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(amount / 100);

export function purchaseReceiptEmail(
  to: string,
  name: string,
  purchase: { courseTitle: string; amount: number; currency: string; link: string },
): MailMessage {
  return {
    to,
    subject: `Your receipt: ${purchase.courseTitle}`,
    text: `Hi ${name},\n\nThank you for your purchase. This is your receipt.\n\n  ${purchase.courseTitle}    ${money(purchase.amount, purchase.currency)}\n\nThe course is open in your learning room:\n\n${purchase.link}\n\nYour purchases and receipts are under Account → Billing.\n\n— The Lumen team\n`,
  };
}

export function subscriptionReceiptEmail(
  to: string,
  name: string,
  invoice: { amount: number; currency: string; link: string },
): MailMessage {
  return {
    to,
    subject: "Your Lumen Premium receipt",
    text: `Hi ${name},\n\nThank you: your Lumen Premium payment of ${money(invoice.amount, invoice.currency)} went through. Every paid course is included while your subscription lasts.\n\nManage your plan, renewal and receipts under Account → Billing:\n\n${invoice.link}\n\n— The Lumen team\n`,
  };
}

export function paymentFailedEmail(
  to: string,
  name: string,
  failure: { what: string; amount: number; currency: string; link: string },
): MailMessage {
  return {
    to,
    subject: "Your Lumen payment failed",
    text: `Hi ${name},\n\nWe could not take your payment of ${money(failure.amount, failure.currency)} for ${failure.what}. Nothing was charged for it.\n\nPlease check your card or choose another one:\n\n${failure.link}\n\nIf it is your Premium renewal, your access continues until the end of the period you have paid for.\n\n— The Lumen team\n`,
  };
}

/**
 * To an address someone typed as their new one: it carries no text they chose (not even their name), for the
 * same reason as the verification email.
 */
export function emailChangeEmail(to: string, link: string): MailMessage {
  return {
    to,
    subject: "Confirm your new email for Lumen",
    text: `${greeting(null)}\n\nSomeone signed in to Lumen asked to use this address for their account. Confirm it by opening this link while signed in:\n\n${link}\n\nThe link works once and expires in 24 hours. Until it is opened, the account keeps its current address. If you did not ask for this, ignore this email.\n\n— The Lumen team\n`,
  };
}

/** To the old address once the change has applied: the owner learns of a takeover even if it wasn't them. */
/** `verifiedName`: the account's name when this (old) address was verified, else null. */
export function emailChangedNoticeEmail(to: string, verifiedName: string | null, newEmail: string): MailMessage {
  return {
    to,
    subject: "Your Lumen email was changed",
    text: `${greeting(verifiedName)}\n\nThe sign-in email of your Lumen account was changed from this address to ${newEmail}. Every other device was signed out.\n\nIf this wasn't you, someone may have your password: reply to this email at once and we will restore your account. Password resets now go to the new address, so please write to us rather than trying one.\n\n— The Lumen team\n`,
  };
}

/** The last mail an account gets: to the address being erased, which is forgotten once this is sent. */
export function accountDeletedEmail(to: string, verifiedName: string | null): MailMessage {
  return {
    to,
    subject: "Your Lumen account was deleted",
    text: `${greeting(verifiedName)}\n\nYour Lumen account has been deleted, as you asked. Your name, email, profile, picture and tutor conversations are erased and you can no longer sign in. Anonymous learning statistics remain, no longer linked to you; receipts of payments are kept as the law requires. Any Premium subscription was cancelled.\n\nIf you didn't do this, reply to this email at once.\n\n— The Lumen team\n`,
  };
}
