CREATE TABLE "lesson_rewatches" (
	"progress_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"lesson_id" uuid NOT NULL,
	"from_seconds" real NOT NULL,
	"to_seconds" real NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "progress" ADD COLUMN "last_rewatch" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "lesson_rewatches" ADD CONSTRAINT "lesson_rewatches_progress_id_progress_id_fk" FOREIGN KEY ("progress_id") REFERENCES "public"."progress"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lesson_rewatches_lesson_time_idx" ON "lesson_rewatches" USING btree ("lesson_id","created_at");--> statement-breakpoint
CREATE INDEX "lesson_rewatches_course_time_idx" ON "lesson_rewatches" USING btree ("course_id","created_at");--> statement-breakpoint
CREATE INDEX "lesson_rewatches_progress_idx" ON "lesson_rewatches" USING btree ("progress_id");