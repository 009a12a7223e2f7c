-- Custom SQL migration file, put your code below! --
-- Rewatched seconds reach lesson_rewatches through a row trigger on the progress upsert, not a second INSERT in the
-- same statement: a data-modifying CTE opened lesson_rewatches and its indexes on every player report and cost the
-- progress write ~15% of its throughput under load, although almost no report rewatches anything. The WHEN clause
-- leaves the table untouched unless the update found seconds already watched (progress.last_rewatch), and the
-- insert still happens inside the same statement: one round trip, all or nothing.
CREATE OR REPLACE FUNCTION lumen_append_rewatches() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO lesson_rewatches (progress_id, course_id, lesson_id, from_seconds, to_seconds)
  SELECT NEW.id, NEW.course_id, NEW.lesson_id, (s->>0)::real, (s->>1)::real
    FROM jsonb_array_elements(NEW.last_rewatch) AS s;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER progress_append_rewatches
  AFTER UPDATE OF last_rewatch ON progress
  FOR EACH ROW WHEN (NEW.last_rewatch <> '[]'::jsonb)
  EXECUTE FUNCTION lumen_append_rewatches();
