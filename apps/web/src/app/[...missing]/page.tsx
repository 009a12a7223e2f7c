import { notFound } from "next/navigation";

// Any path no route claims: the 404 page rendered per request (with its CSP nonce, see app/layout.tsx) instead of
// Next's build-time copy, whose scripts the nonce policy would block.
export const dynamic = "force-dynamic";

export default function UnknownPath(): never {
  notFound();
}
