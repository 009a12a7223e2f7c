import type { Metadata } from "next";
import { StudioHome } from "@/features/studio/components/studio-home";

export const metadata: Metadata = { title: "Creator studio", robots: { index: false } };

export default function StudioPage() {
  return <StudioHome />;
}
