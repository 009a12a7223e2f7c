import { randomUUID } from "node:crypto";
import type { Random } from "./random.js";

/** Demo learners live at a domain of the project's own: nobody outside receives their mail. */
export const DEMO_LEARNER_DOMAIN = "learners.lumen.dev";

/** Forty learners from many places; the order is the order they are drawn in, not signed up in. */
const NAMES = [
  "Amara Okonkwo",
  "Lucas Fernández",
  "Priya Raman",
  "Tom Becker",
  "Sofia Rossi",
  "Kenji Watanabe",
  "Chloé Martin",
  "Daniel Kowalski",
  "Fatima Benali",
  "Oliver Hughes",
  "Mei Lin",
  "Jonas Lindqvist",
  "Aisha Mensah",
  "Mateo Silva",
  "Hannah Schmidt",
  "Arjun Mehta",
  "Isabella García",
  "Noah Williams",
  "Yuki Tanaka",
  "Leila Haddad",
  "Ethan Brooks",
  "Zainab Yusuf",
  "Mikhail Petrov",
  "Grace Kim",
  "Rafael Costa",
  "Emma Johansson",
  "Kwame Asante",
  "Lucía Navarro",
  "Samuel Cohen",
  "Nadia Rahman",
  "Finn O'Connor",
  "Ananya Iyer",
  "Diego Morales",
  "Charlotte Dubois",
  "Tariq Aziz",
  "Ingrid Nilsen",
  "Jamal Carter",
  "Elena Popescu",
  "Linh Nguyen",
  "Olivia Bennett",
] as const;

export const CATEGORIES = ["Science", "Programming", "Mathematics", "Data & AI", "Business", "Languages"] as const;

export interface Learner {
  id: string;
  email: string;
  fullName: string;
  premium: boolean;
  createdAt: number;
  /** 0..1: how likely they go on to the next lesson and finish what they start. */
  engagement: number;
  /** 0..1: how well they answer quizzes. */
  skill: number;
  /** 0..1: how often they ask the tutor. */
  curiosity: number;
  interests: string[];
}

/** `ana.lopez` from "Ana López": ASCII, lower case, no apostrophes. */
export function emailLocalPart(fullName: string): string {
  return fullName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z ]/g, "")
    .trim()
    .replace(/\s+/g, ".");
}

const DAY = 86_400_000;
/** Premium learners, the only ones who take the paid courses. */
const PREMIUM_LEARNERS = 16;

/**
 * The cohort: signed up over the last sixty days (more of them lately), about two in five premium. Each learner's
 * tendencies drive the rest of the simulation, so a diligent learner finishes courses and a curious one asks more.
 */
export function drawLearners(random: Random, now: number): Learner[] {
  const premium = new Set<number>();
  while (premium.size < PREMIUM_LEARNERS) premium.add(random.int(0, NAMES.length - 1));
  return NAMES.map((fullName, index) => ({
    id: randomUUID(),
    email: `${emailLocalPart(fullName)}@${DEMO_LEARNER_DOMAIN}`,
    fullName,
    premium: premium.has(index),
    // Between 2 and 60 days ago, skewed towards recent sign-ups (the platform is growing).
    createdAt: now - Math.round((2 + 58 * random.next() ** 1.5) * DAY),
    engagement: 0.35 + 0.65 * random.next() ** 0.6,
    skill: 0.3 + 0.7 * random.next(),
    curiosity: random.next(),
    interests: random.chance(0.5) ? [random.pick(CATEGORIES), random.pick(CATEGORIES)] : [random.pick(CATEGORIES)],
  }));
}
