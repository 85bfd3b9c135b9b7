/** The schema's message for `path` (e.g. `terms[1].weight`), shown next to its field, or nothing. */
export function FieldError({ errors, path }: { errors: ReadonlyMap<string, string>; path: string }) {
  const message = errors.get(path);
  return message ? <span className="field-error" role="alert" data-field={path}>{message}</span> : null;
}

/** Reads a number input: NaN when empty or not a number (the schema then names the field). */
export const numberOf = (value: string): number => (value.trim() === "" ? Number.NaN : Number(value));
