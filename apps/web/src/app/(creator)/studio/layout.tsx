import type { ReactNode } from "react";
import { UnsavedChangesGuard } from "@/features/studio/unsaved-changes";

// Every studio page: leaving one with unsaved changes asks first.
export default function StudioLayout({ children }: { children: ReactNode }) {
  return (
    <>
      {children}
      <UnsavedChangesGuard />
    </>
  );
}
