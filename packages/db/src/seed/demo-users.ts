import type { DemoCreatorKey } from "./content/types.js";

/** The demo accounts, documented in the README. Passwords are public by design: demo data only. */
export const DEMO_USERS = [
  {
    key: "admin",
    email: "admin@lumen.dev",
    password: "lumen-admin-demo",
    fullName: "Grace Okafor",
    role: "admin",
    premium: true,
  },
  {
    key: "ada",
    email: "ada@lumen.dev",
    password: "lumen-creator-demo",
    fullName: "Ada Whitfield",
    role: "creator",
    premium: true,
  },
  {
    key: "marcus",
    email: "marcus@lumen.dev",
    password: "lumen-creator-demo",
    fullName: "Marcus Chen",
    role: "creator",
    premium: true,
  },
  {
    key: "sam",
    email: "sam@lumen.dev",
    password: "lumen-student-demo",
    fullName: "Sam Rivera",
    role: "student",
    premium: false,
  },
  {
    key: "maya",
    email: "maya@lumen.dev",
    password: "lumen-student-demo",
    fullName: "Maya Patel",
    role: "student",
    premium: true,
  },
] as const satisfies ReadonlyArray<{
  key: DemoCreatorKey | "admin" | "sam" | "maya";
  email: string;
  password: string;
  fullName: string;
  role: "student" | "creator" | "admin";
  premium: boolean;
}>;
