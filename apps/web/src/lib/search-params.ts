// Reading a page's query, whether it comes as Next's searchParams object (server) or URLSearchParams (browser).

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

/** Every value of `key`, in order. */
export function allParams(input: SearchParamsInput, key: string): string[] {
  if (input instanceof URLSearchParams) return input.getAll(key);
  const value = input[key];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The first value of `key`, or null. */
export function firstParam(input: SearchParamsInput, key: string): string | null {
  return allParams(input, key)[0] ?? null;
}

/** `value` when it is one of `options`, else null. */
export function oneOf<T extends string>(value: string | null, options: readonly T[]): T | null {
  return value !== null && (options as readonly string[]).includes(value) ? (value as T) : null;
}
