import { afterEach, describe, expect, it } from "vitest";
import { failure, ok, restoreApi, serveApi } from "@/test/fake-api";
import { COURSE_ID, FIRST, roomCourse } from "./learn.test-support";
import { lookUpLesson } from "./lesson-lookup";

const UNKNOWN = "99999999-9999-4999-8999-999999999999";

afterEach(restoreApi);

describe("looking up a learning-room address on the server", () => {
  it("finds a lesson listed in a public course", async () => {
    const { client } = serveApi({ [`GET /courses/${COURSE_ID}`]: ok(roomCourse()) });
    expect(await lookUpLesson(COURSE_ID, FIRST, client)).toMatchObject({ kind: "found", course: { id: COURSE_ID } });
  });

  it("calls a lesson missing when the public course doesn't list it", async () => {
    const { client } = serveApi({ [`GET /courses/${COURSE_ID}`]: ok(roomCourse()) });
    expect(await lookUpLesson(COURSE_ID, UNKNOWN, client)).toEqual({ kind: "missing" });
  });

  it("calls malformed ids missing without asking the API", async () => {
    const { client, calls } = serveApi({});
    expect(await lookUpLesson("not-a-uuid", FIRST, client)).toEqual({ kind: "missing" });
    expect(await lookUpLesson(COURSE_ID, "not-a-uuid", client)).toEqual({ kind: "missing" });
    expect(calls).toEqual([]);
  });

  it("leaves a course guests can't see to the room, which asks as the signed-in user", async () => {
    const { client } = serveApi({ [`GET /courses/${UNKNOWN}`]: failure(404, "NOT_FOUND", "Course not found") });
    expect(await lookUpLesson(UNKNOWN, FIRST, client)).toEqual({ kind: "found", course: null });
  });
});
