-- Custom SQL migration file, put your code below! --
-- The seconds of `added` (a segment list, in practice the one segment just reported) that `watched` (a merged,
-- disjoint union as kept in progress.watched_segments) already covers: what the learner is watching again.
-- Overlaps under one second are dropped: consecutive reports share their boundary, and the player rounds times to
-- 0.1 s, so only a real return to earlier seconds counts. PL/pgSQL for the same reason as the merge functions
-- (its plan is cached per session); it runs inside the progress upsert.
CREATE OR REPLACE FUNCTION lumen_segments_overlap(watched jsonb, added jsonb) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN (
    SELECT coalesce(jsonb_agg(jsonb_build_array(lo, hi) ORDER BY lo), '[]'::jsonb)
    FROM (
      SELECT greatest((w->>0)::float8, (a->>0)::float8) AS lo, least((w->>1)::float8, (a->>1)::float8) AS hi
      FROM jsonb_array_elements(coalesce(added, '[]'::jsonb)) AS a
      CROSS JOIN jsonb_array_elements(coalesce(watched, '[]'::jsonb)) AS w
    ) AS overlap
    WHERE hi - lo >= 1
  );
END
$$;
