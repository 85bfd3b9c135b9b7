import { NextResponse } from "next/server";
import { countRecords, db, listMigrations } from "@/lib/db";
import { env } from "@/lib/env";
import { errorResponse } from "@/lib/server/http";

/** GET /api/health: the database this server uses, its migrations and record counts. */
export async function GET(): Promise<NextResponse> {
  try {
    const target = env().database;
    const counts = await countRecords(db());
    const migrations = listMigrations(target.provider).map((m) => m.name);
    return NextResponse.json({ ok: true, database: target.provider, migrations, counts });
  } catch (err) {
    return errorResponse(err);
  }
}
