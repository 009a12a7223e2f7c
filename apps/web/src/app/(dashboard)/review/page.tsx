import type { Metadata } from "next";
import { ReviewSession } from "@/features/daily-review/review-session";

export const metadata: Metadata = { title: "5-minute review", robots: { index: false } };

export default function ReviewPage() {
  return <ReviewSession />;
}
