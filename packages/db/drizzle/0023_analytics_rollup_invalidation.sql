-- Custom SQL migration file, put your code below! --
-- A stored daily rollup (analytics_daily_rollups) must always equal what analytics_events give for its day, so any
-- change to an event of a past UTC day deletes that day's rollup rows (its course's and the platform's), and the
-- day is read from the raw events until the analytics.rollup job stores it again. The WHEN clauses keep today's
-- appends (every learner action) free of any extra work: only a backdated insert, or an update or delete of an
-- older event (a deleted account or lesson), runs the function. The shared advisory lock waits while the job holds
-- it exclusively (analytics.repo.ts, ROLLUP_LOCK), so a day the job is computing is invalidated after it is stored.
CREATE OR REPLACE FUNCTION lumen_invalidate_analytics_rollups() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(7316001);
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM analytics_daily_rollups r
     WHERE r.day = (OLD.created_at AT TIME ZONE 'UTC')::date AND (r.course_id IS NULL OR r.course_id = OLD.course_id);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    DELETE FROM analytics_daily_rollups r
     WHERE r.day = (NEW.created_at AT TIME ZONE 'UTC')::date AND (r.course_id IS NULL OR r.course_id = NEW.course_id);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER analytics_events_invalidate_rollups_insert
  AFTER INSERT ON analytics_events
  FOR EACH ROW WHEN (NEW.created_at < date_trunc('day', now(), 'UTC'))
  EXECUTE FUNCTION lumen_invalidate_analytics_rollups();
--> statement-breakpoint
CREATE TRIGGER analytics_events_invalidate_rollups_update
  AFTER UPDATE ON analytics_events
  FOR EACH ROW WHEN (OLD.created_at < date_trunc('day', now(), 'UTC') OR NEW.created_at < date_trunc('day', now(), 'UTC'))
  EXECUTE FUNCTION lumen_invalidate_analytics_rollups();
--> statement-breakpoint
CREATE TRIGGER analytics_events_invalidate_rollups_delete
  AFTER DELETE ON analytics_events
  FOR EACH ROW WHEN (OLD.created_at < date_trunc('day', now(), 'UTC'))
  EXECUTE FUNCTION lumen_invalidate_analytics_rollups();
