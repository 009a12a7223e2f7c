CREATE TABLE "content_terms" (
	"term" text PRIMARY KEY NOT NULL,
	"lexeme" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "content_terms_term_trgm_idx" ON "content_terms" USING gin ("term" gin_trgm_ops);--> statement-breakpoint
-- The tutor's typo tolerance used to compare every typed word with the whole text of every chunk in scope
-- (pg_trgm word_similarity per word per chunk: ~0.4 ms a chunk, so a question over a large catalog would take
-- seconds). It now compares typed words with this table of distinct words (GIN trigram index) and finds their chunks
-- through the full-text index. A word is kept with its English stem when it has exactly one (no stop words, no
-- hyphenated compounds: their parts are words of their own); words longer than 48 characters are noise, and a
-- stem with a quote or backslash (a path, say) is left out so that quote_literal(lexeme)::tsquery always parses.
CREATE OR REPLACE FUNCTION lumen_terms_of(doc text) RETURNS TABLE (term text, lexeme text)
LANGUAGE sql STABLE AS $$
  SELECT w.lexeme, min(e.lexeme)
  FROM unnest(to_tsvector('simple', doc)) AS w, unnest(to_tsvector('english', w.lexeme)) AS e
  WHERE char_length(w.lexeme) <= 48 AND e.lexeme !~ '[''\\]'
  GROUP BY w.lexeme
  HAVING count(*) = 1
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION lumen_content_terms() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO content_terms (term, lexeme)
  SELECT DISTINCT t.term, t.lexeme FROM changed, lumen_terms_of(changed.heading || ' ' || changed.text) AS t
  ON CONFLICT (term) DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER content_chunks_terms_insert
  AFTER INSERT ON content_chunks REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION lumen_content_terms();
--> statement-breakpoint
CREATE TRIGGER content_chunks_terms_update
  AFTER UPDATE ON content_chunks REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION lumen_content_terms();
--> statement-breakpoint
INSERT INTO content_terms (term, lexeme)
SELECT DISTINCT t.term, t.lexeme FROM content_chunks, lumen_terms_of(content_chunks.heading || ' ' || content_chunks.text) AS t
ON CONFLICT (term) DO NOTHING;
