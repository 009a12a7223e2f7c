-- Custom SQL migration file, put your code below! --
-- Every API instance keeps a short-lived cache of signed-in readers' session state, enrollment and entitlement
-- (apps/api/src/lib/viewer-cache.ts), so a signed-in course page needs no query and a progress report one. These
-- triggers are what keeps it honest: any committed change that could alter one of those answers, whoever makes it
-- (the API, a job, an operator in psql: a session, an account, an enrollment, purchase or grant, a course's price,
-- owner or status, a lesson's place, kind or length), announces itself on the `lumen_viewer` channel as `u:<user
-- id>` or `c:<course id>`, and every instance drops what it holds for that user or course. The WHEN clauses keep the
-- hot writes silent: a progress report touching `enrollments.last_accessed_at`, a token refresh touching
-- `auth_sessions.last_used_at` or an analytics event updating `users.stats` changes no cached answer (NOTIFY also
-- serialises commits, so it stays off those paths). PostgreSQL drops duplicate payloads within a transaction.
CREATE OR REPLACE FUNCTION lumen_notify_viewer() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  prefix text := TG_ARGV[0];
  id_column text := TG_ARGV[1];
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM pg_notify('lumen_viewer', prefix || ':' || (to_jsonb(OLD) ->> id_column));
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM pg_notify('lumen_viewer', prefix || ':' || (to_jsonb(NEW) ->> id_column));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER users_notify_viewer_update
  AFTER UPDATE ON users
  FOR EACH ROW WHEN ((OLD.role, OLD.disabled, OLD.email_verified, OLD.token_version, OLD.premium_status, OLD.subscription)
                     IS DISTINCT FROM (NEW.role, NEW.disabled, NEW.email_verified, NEW.token_version, NEW.premium_status, NEW.subscription))
  EXECUTE FUNCTION lumen_notify_viewer('u', 'id');
--> statement-breakpoint
CREATE TRIGGER users_notify_viewer_delete
  AFTER DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION lumen_notify_viewer('u', 'id');
--> statement-breakpoint
CREATE TRIGGER auth_sessions_notify_viewer_update
  AFTER UPDATE ON auth_sessions
  FOR EACH ROW WHEN ((OLD.user_id, OLD.revoked_at, OLD.expires_at) IS DISTINCT FROM (NEW.user_id, NEW.revoked_at, NEW.expires_at))
  EXECUTE FUNCTION lumen_notify_viewer('u', 'user_id');
--> statement-breakpoint
CREATE TRIGGER auth_sessions_notify_viewer_delete
  AFTER DELETE ON auth_sessions
  FOR EACH ROW EXECUTE FUNCTION lumen_notify_viewer('u', 'user_id');
--> statement-breakpoint
CREATE TRIGGER enrollments_notify_viewer_write
  AFTER INSERT OR DELETE ON enrollments
  FOR EACH ROW EXECUTE FUNCTION lumen_notify_viewer('u', 'user_id');
--> statement-breakpoint
CREATE TRIGGER enrollments_notify_viewer_update
  AFTER UPDATE ON enrollments
  FOR EACH ROW WHEN ((OLD.user_id, OLD.course_id, OLD.status, OLD.progress_percentage, OLD.completed_lessons, OLD.completed_at, OLD.created_at)
                     IS DISTINCT FROM (NEW.user_id, NEW.course_id, NEW.status, NEW.progress_percentage, NEW.completed_lessons, NEW.completed_at, NEW.created_at))
  EXECUTE FUNCTION lumen_notify_viewer('u', 'user_id');
--> statement-breakpoint
CREATE TRIGGER purchases_notify_viewer
  AFTER INSERT OR UPDATE OR DELETE ON purchases
  FOR EACH ROW EXECUTE FUNCTION lumen_notify_viewer('u', 'user_id');
--> statement-breakpoint
CREATE TRIGGER course_grants_notify_viewer
  AFTER INSERT OR UPDATE OR DELETE ON course_grants
  FOR EACH ROW EXECUTE FUNCTION lumen_notify_viewer('u', 'user_id');
--> statement-breakpoint
CREATE TRIGGER courses_notify_viewer_update
  AFTER UPDATE ON courses
  FOR EACH ROW WHEN ((OLD.status, OLD.is_free, OLD.creator_id) IS DISTINCT FROM (NEW.status, NEW.is_free, NEW.creator_id))
  EXECUTE FUNCTION lumen_notify_viewer('c', 'id');
--> statement-breakpoint
CREATE TRIGGER courses_notify_viewer_delete
  AFTER DELETE ON courses
  FOR EACH ROW EXECUTE FUNCTION lumen_notify_viewer('c', 'id');
--> statement-breakpoint
CREATE TRIGGER lessons_notify_viewer_update
  AFTER UPDATE ON lessons
  FOR EACH ROW WHEN ((OLD.course_id, OLD.module_id, OLD.kind, OLD.is_preview, OLD.duration_seconds, OLD.title)
                     IS DISTINCT FROM (NEW.course_id, NEW.module_id, NEW.kind, NEW.is_preview, NEW.duration_seconds, NEW.title))
  EXECUTE FUNCTION lumen_notify_viewer('c', 'course_id');
--> statement-breakpoint
CREATE TRIGGER lessons_notify_viewer_delete
  AFTER DELETE ON lessons
  FOR EACH ROW EXECUTE FUNCTION lumen_notify_viewer('c', 'course_id');
