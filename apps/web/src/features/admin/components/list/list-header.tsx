import { inputClasses } from "@/components/ui/form-field";
import { SearchField, type SearchFieldProps } from "./search-field";

/** A labelled drop-down filter; the empty value means "any". */
interface FilterSelectProps<T extends string> {
  id: string;
  label: string;
  value: T | null;
  anyLabel: string;
  options: ReadonlyArray<{ value: T; label: string }>;
  onChange: (value: T | null) => void;
}

function FilterSelect<T extends string>({ id, label, value, anyLabel, options, onChange }: FilterSelectProps<T>) {
  return (
    <div className="sm:w-52">
      <label htmlFor={id} className="text-sm font-medium text-foreground">
        {label}
      </label>
      <select
        id={id}
        value={value ?? ""}
        onChange={(event) => {
          const picked = options.find((o) => o.value === event.target.value);
          onChange(picked ? picked.value : null);
        }}
        className={`${inputClasses} mt-1.5 pr-8`}
      >
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Above a list: the search box and one drop-down filter side by side (stacked on a phone), and the line where a
 * change made in the list is announced.
 */
export function ListHeader<T extends string>({
  search,
  filter,
  announcement,
}: {
  search: SearchFieldProps;
  filter: FilterSelectProps<T>;
  announcement: string;
}) {
  return (
    <>
      <search className="mt-8 flex flex-col gap-4 sm:flex-row sm:items-end">
        <SearchField {...search} />
        <FilterSelect {...filter} />
      </search>
      <p role="status" className="mt-4 min-h-6 text-sm font-medium text-primary">
        {announcement}
      </p>
    </>
  );
}
