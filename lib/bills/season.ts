/** Heating season 2026 runs through the winter of 2026–27. */
export function seasonRange(season: number): { from: number; to: number } {
  return { from: season, to: season + 1 };
}
