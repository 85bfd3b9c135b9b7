// `npm run db:prepare`: apply pending migrations and seed the demo data, without starting the app.
import { prepareDatabase } from "@/lib/db/prepare";

await prepareDatabase();
