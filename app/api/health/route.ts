import { NextResponse } from "next/server";
import { countRecords, listMigrations } from "@/lib/db";
import { env } from "@/lib/env";
import { route } from "@/lib/server/edge";

/** GET /api/health: the database this server uses, its migrations and record counts. */
export const GET = route({
  surface: "health",
  action: "check the server",
  access: "public",
  handler: async ({ db }) => {
    const target = env().database;
    const counts = await countRecords(db);
    const migrations = listMigrations(target.provider).map((m) => m.name);
    return NextResponse.json({ ok: true, database: target.provider, migrations, counts });
  },
});
