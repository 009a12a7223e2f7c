import { AppError } from "./errors.js";

/** The AppError a call fails with (unit tests); any other error is rethrown, and a call that succeeds fails the test. */
export async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error("expected the call to fail");
}
