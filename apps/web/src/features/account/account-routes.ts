/** After a password reset the learner lands on the login page with this flag, and the page says what happened. */
export const RESET_DONE = { param: "reset", value: "done" } as const;
export const AFTER_RESET_PATH = `/login?${RESET_DONE.param}=${RESET_DONE.value}`;
