CREATE TABLE "analytics_daily_rollups" (
	"course_id" uuid,
	"day" date NOT NULL,
	"enrollments" integer NOT NULL,
	"active_learners" integer NOT NULL,
	"lesson_completions" integer NOT NULL,
	"computed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analytics_daily_rollups_scope_day" UNIQUE NULLS NOT DISTINCT("course_id","day")
);
--> statement-breakpoint
ALTER TABLE "analytics_daily_rollups" ADD CONSTRAINT "analytics_daily_rollups_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;