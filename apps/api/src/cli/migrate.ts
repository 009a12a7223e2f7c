import { openInfrastructure } from "../bootstrap.js";

// npm run db:migrate – applies pending migrations to DATABASE_URL, or to the PGlite database under DATA_DIR.
const infra = await openInfrastructure();
try {
  await infra.database.migrate();
  console.log(`Migrations applied (${infra.database.kind}).`);
} finally {
  await infra.close();
}
