-- Custom SQL migration file, put your code below! --
-- Watched segments are a jsonb array of [from, to] second pairs. Merging and measuring them in SQL keeps
-- every progress write one atomic statement, whatever the number of concurrent writes.
CREATE OR REPLACE FUNCTION lumen_merge_segments(a jsonb, b jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  WITH segs AS (
    SELECT (s->>0)::float8 AS lo, (s->>1)::float8 AS hi
    FROM jsonb_array_elements(coalesce(a, '[]'::jsonb) || coalesce(b, '[]'::jsonb)) AS s
    WHERE (s->>1)::float8 >= (s->>0)::float8
  ), ordered AS (
    SELECT lo, hi, max(hi) OVER (ORDER BY lo, hi ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach
    FROM segs
  ), grouped AS (
    -- A segment starting within half a second of what came before continues it (players report in ticks).
    SELECT lo, hi, sum(CASE WHEN reach IS NULL OR lo > reach + 0.5 THEN 1 ELSE 0 END) OVER (ORDER BY lo, hi) AS grp
    FROM ordered
  )
  SELECT coalesce(jsonb_agg(jsonb_build_array(lo, hi) ORDER BY lo), '[]'::jsonb)
  FROM (SELECT min(lo) AS lo, max(hi) AS hi FROM grouped GROUP BY grp) AS merged
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lumen_segments_coverage(segs jsonb, duration float8) RETURNS float8
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN duration IS NULL OR duration <= 0 THEN 0 ELSE
    least(100, round((100 * coalesce(sum(greatest(0, least((s->>1)::float8, duration) - greatest((s->>0)::float8, 0))), 0) / duration)::numeric, 2)::float8)
  END
  FROM jsonb_array_elements(coalesce(segs, '[]'::jsonb)) AS s
$$;
