import { AppError } from "../../lib/errors.js";
import type { AiRepo } from "./ai.repo.js";

export interface AiLimits {
  userDailyLimit: number;
  premiumDailyLimit: number;
  platformDailyLimit: number;
  cacheTtlSeconds: number;
}

export const startOfUtcDay = (now = new Date()) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
export const nextUtcMidnight = (now = new Date()) => new Date(startOfUtcDay(now).getTime() + 86_400_000);

/**
 * The learner's daily budget of tutor answers. An answer reserves one unit before it is produced and settles it
 * after; a refusal, "not covered" or a provider error refunds it (or never reserves), so only answers count.
 */
export function createChatBudget(deps: {
  repo: Pick<AiRepo, "reserve" | "settle" | "refund">;
  limits: AiLimits;
  provider: string;
  model: string;
}) {
  const { repo, limits, provider, model } = deps;
  return {
    /** Takes one unit of today's budget or throws AI_LIMIT_EXCEEDED (429) with when it resets. */
    async reserve(userId: string, premium: boolean): Promise<string> {
      const reservation = await repo.reserve({
        userId,
        kind: "chat",
        provider,
        model,
        userLimit: premium ? limits.premiumDailyLimit : limits.userDailyLimit,
        platformLimit: limits.platformDailyLimit,
        since: startOfUtcDay(),
      });
      if (reservation.ok) return reservation.usageId;
      const resetsAt = nextUtcMidnight();
      const retryAfter = Math.max(1, Math.ceil((resetsAt.getTime() - Date.now()) / 1000));
      throw new AppError(
        "AI_LIMIT_EXCEEDED",
        reservation.scope === "user"
          ? `You have used today's ${reservation.limit} AI requests. The budget resets at midnight UTC.`
          : "The platform's AI budget for today is used up. It resets at midnight UTC.",
        {
          scope: reservation.scope,
          limit: reservation.limit,
          used: reservation.used,
          resets_at: resetsAt.toISOString(),
        },
        { "retry-after": String(retryAfter) },
      );
    },
    settle: repo.settle,
    /** Gives the unit back: the learner got no answer (an error, or the model found nothing to cite). */
    refund: repo.refund,
  };
}
export type ChatBudget = ReturnType<typeof createChatBudget>;
