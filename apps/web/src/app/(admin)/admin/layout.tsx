import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AdminNav } from "@/features/admin/components/admin-nav";

export const metadata: Metadata = {
  title: { default: "Admin console", template: "%s · Admin · Lumen" },
  robots: { index: false, follow: false },
};

// The console's frame: its name and sections above each page. The (admin) group's layout has already checked
// the admin role; the API checks it again on every call these pages make.
export default function AdminConsoleLayout({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto max-w-page px-4 py-8 sm:px-6 sm:py-10 lg:px-8">
      <p className="text-sm font-semibold tracking-wide text-accent uppercase">Admin console</p>
      <div className="mt-3">
        <AdminNav />
      </div>
      <div className="mt-8">{children}</div>
    </div>
  );
}
