export interface FilterOption<V extends string> {
  value: V;
  label: string;
  count?: number;
}
