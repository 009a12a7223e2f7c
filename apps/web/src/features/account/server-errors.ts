import type { FieldErrors, FieldPath, FieldValues, UseFormSetError, UseFormSetFocus } from "react-hook-form";
import { errorText, fieldErrors } from "@/lib/error-text";

/**
 * Puts the API's per-field messages on the form's own fields (focusing the first one, in the form's order) and
 * returns what is left to say in the form's alert: the API's message in words unless every field message found
 * its field. `fields` lists the form's fields top to bottom; `fieldMap` renames API fields where they differ.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly FieldPath<T>[],
  fieldMap: Partial<Record<string, FieldPath<T>>> = {},
): string | null {
  const placed: { field: FieldPath<T>; message: string }[] = [];
  let unplaced = 0;
  for (const [apiField, message] of Object.entries(fieldErrors(error))) {
    const field = fieldMap[apiField] ?? fields.find((name) => name === apiField);
    if (field) placed.push({ field, message });
    else unplaced += 1;
  }
  placed.sort((a, b) => fields.indexOf(a.field) - fields.indexOf(b.field));
  placed.forEach(({ field, message }, index) => {
    setError(field, { type: "server", message }, { shouldFocus: index === 0 });
  });
  return placed.length > 0 && unplaced === 0 ? null : errorText(error);
}

/**
 * For `handleSubmit`'s invalid callback: focuses the first field with an error, top to bottom. (React Hook Form's
 * own choice follows the order fields were registered in, which is not always the order on screen.)
 */
export function focusFirstError<T extends FieldValues>(fields: readonly FieldPath<T>[], setFocus: UseFormSetFocus<T>) {
  return (errors: FieldErrors<T>) => {
    const first = fields.find((name) => name in errors);
    if (first) setFocus(first);
  };
}
