-- Custom SQL migration file, put your code below! --
-- One call per player report instead of a dozen: the upsert used to name lumen_merge_segments and
-- lumen_segments_coverage in several of its expressions (the VALUES row is computed even when the row exists, and
-- the planner does not share calls of a function between expressions), about eleven PL/pgSQL calls per write. This
-- computes the merged union, its coverage of the video and the rewatched seconds once; the upsert reads the three
-- from a sub-select.
CREATE OR REPLACE FUNCTION lumen_progress_step(watched jsonb, added jsonb, duration float8,
                                               OUT merged jsonb, OUT coverage float8, OUT rewatch jsonb)
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  merged := lumen_merge_segments(watched, added);
  coverage := lumen_segments_coverage(merged, duration);
  IF watched IS NULL OR watched = '[]'::jsonb THEN
    rewatch := '[]'::jsonb;
  ELSE
    rewatch := lumen_segments_overlap(watched, added);
  END IF;
END
$$;
