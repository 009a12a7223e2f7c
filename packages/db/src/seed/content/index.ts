import { course as advancedTypescript } from "./courses/advanced-typescript.js";
import { course as linearAlgebraIntuition } from "./courses/linear-algebra-intuition.js";
import { course as machineLearningFundamentals } from "./courses/machine-learning-fundamentals.js";
import { course as photosynthesisEssentials } from "./courses/photosynthesis-essentials.js";
import { course as productManagementEssentials } from "./courses/product-management-essentials.js";
import { course as pythonForBeginners } from "./courses/python-for-beginners.js";
import { course as spanishForTravellers } from "./courses/spanish-for-travellers.js";
import { course as sqlPostgresqlQuerying } from "./courses/sql-postgresql-querying.js";
import { course as statisticsForDataScience } from "./courses/statistics-for-data-science.js";
import type { DemoCourse } from "./types.js";

export type * from "./types.js";

/** The demo catalog loaded by the seeder, in display order. */
export const demoCourses: DemoCourse[] = [
  photosynthesisEssentials,
  pythonForBeginners,
  sqlPostgresqlQuerying,
  linearAlgebraIntuition,
  statisticsForDataScience,
  machineLearningFundamentals,
  advancedTypescript,
  productManagementEssentials,
  spanishForTravellers,
];
