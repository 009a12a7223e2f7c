"use client";

import { useEffect } from "react";
import { bootstrapSession } from "@/features/auth/session";

/** Restores the session from the refresh cookie once per page load. Renders nothing. */
export function SessionBootstrap() {
  useEffect(() => {
    void bootstrapSession();
  }, []);
  return null;
}
