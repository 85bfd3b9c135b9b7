// `npm run db:prepare`: apply pending migrations and, in demo mode on a fresh database, create the demo accounts, without starting the app.
import { prepareDatabase } from "@/lib/db/prepare";

await prepareDatabase();
