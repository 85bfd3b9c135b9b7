/**
 * Password hashing with scrypt (node:crypto): a random 16-byte salt per hash, the cost
 * parameters stored with it so they can be raised later, and a timing-safe comparison.
 * Stored form: `scrypt$<N>$<r>$<p>$<salt base64url>$<hash base64url>`.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

/** N = 2^15, r = 8, p = 1: about 32 MiB and tens of milliseconds per hash (OWASP's scrypt floor is N = 2^17 at r = 8 with more memory). */
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** Upper bounds accepted when reading a stored hash, so a corrupt row cannot make a sign-in take minutes. */
const MAX_COST = { N: 2 ** 20, r: 32, p: 16 } as const;

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }, bytes: number): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFKC"), salt, bytes, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** Hashes a password with a fresh salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, COST, KEY_BYTES);
  return ["scrypt", COST.N, COST.r, COST.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

function parseStored(stored: string): { cost: { N: number; r: number; p: number }; salt: Buffer; key: Buffer } | null {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const ok = (v: number, max: number) => Number.isInteger(v) && v >= 1 && v <= max;
  if (!ok(N, MAX_COST.N) || (N & (N - 1)) !== 0 || !ok(r, MAX_COST.r) || !ok(p, MAX_COST.p)) return null;
  const salt = Buffer.from(parts[4] ?? "", "base64url");
  const key = Buffer.from(parts[5] ?? "", "base64url");
  if (salt.length < 8 || key.length < 16) return null;
  return { cost: { N, r, p }, salt, key };
}

/**
 * True when `password` matches `stored` (a hashPassword result). A malformed stored value is
 * false, never an exception. The comparison is timing-safe.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStored(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.cost, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

let dummy: Promise<string> | undefined;

/**
 * Spends the same time as a real check, for sign-ins with an unknown email, so response
 * times do not tell which emails have accounts. Always false.
 */
export async function verifyNoPassword(password: string): Promise<false> {
  dummy ??= hashPassword("reward-studio: no such account");
  await verifyPassword(password, await dummy);
  return false;
}
