import { openInfrastructure, resetDatabase, seedDemo } from "../bootstrap.js";
import { hashPassword } from "../modules/auth/password.js";

// npm run db:seed – resets the database to the demo: every table emptied, demo accounts and catalog loaded.
const infra = await openInfrastructure();
try {
  await infra.database.migrate();
  await resetDatabase(infra.database.db);
  const counts = await seedDemo(infra.database.db, { hashPassword });
  console.log(
    `Demo data loaded: ${counts.courses} courses with ${counts.lessons} lessons, ${counts.users} accounts ` +
      `(${counts.learners} demo learners who can't sign in) and ${counts.events} learning events over the last 45 days.`,
  );
} finally {
  await infra.close();
}
