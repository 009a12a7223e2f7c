import type { Metadata } from "next";
import { AdminPaymentsView } from "@/features/billing/components/admin-payments-view";

export const metadata: Metadata = { title: "Payments" };

export default function AdminPaymentsPage() {
  return <AdminPaymentsView />;
}
