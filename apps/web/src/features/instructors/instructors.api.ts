import { type InstructorProfile, instructorProfileSchema } from "@lumen/contracts";
import { type ApiClient, type ApiRequestOptions, api } from "@/lib/api-client";

// GET /instructors/{id} – public profile; their courses come from GET /courses?creator_id=
export function getInstructor(
  id: string,
  options: Omit<ApiRequestOptions, "query" | "method" | "body"> = {},
  client: ApiClient = api,
): Promise<InstructorProfile> {
  return client.request(`/instructors/${encodeURIComponent(id)}`, instructorProfileSchema, options);
}
