ALTER TABLE "progress" ADD COLUMN "credit_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "progress" ADD COLUMN "credit_balance" real DEFAULT 5 NOT NULL;