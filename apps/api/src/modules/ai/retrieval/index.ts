/** The retrieval index: chunking, embeddings and hybrid search over course material. */
export type { ChunkCue, ChunkInput, ChunkSource, CourseContent, LessonContent } from "./chunker.js";
export { chunkCourse, chunkLesson } from "./chunker.js";
export type { Embedder } from "./embedding.js";
export { cosine, LOCAL_EMBEDDING_MODEL, localEmbedder } from "./embedding.js";
export type { ChunkRow, RetrievalDeps, RetrievalIndex, RetrievedChunk, SearchParams } from "./retrieval.service.js";
export { createRetrievalIndex } from "./retrieval.service.js";
