import type pg from 'pg';

/**
 * 换热站 and buildings named in a legacy file, created on first sight inside the import's
 * transaction and remembered for the rest of the file (a utility has thousands, not millions).
 */
export class PlaceCache {
  private stations = new Map<string, string>();
  private buildings = new Map<string, string>();

  constructor(
    private readonly client: pg.PoolClient,
    private readonly utilityId: string,
  ) {}

  async station(name: string): Promise<string> {
    const known = this.stations.get(name);
    if (known) return known;
    // The legacy file only has a name; it serves as the station's code until staff set one.
    const { rows } = await this.client.query<{ id: string }>(
      `INSERT INTO station (utility_id, code, name) VALUES ($1, $2, $2)
       ON CONFLICT (utility_id, code) DO UPDATE SET code = EXCLUDED.code RETURNING id`,
      [this.utilityId, name],
    );
    this.stations.set(name, rows[0]!.id);
    return rows[0]!.id;
  }

  async building(stationName: string, name: string, address: string): Promise<string> {
    const stationId = await this.station(stationName);
    const key = `${stationId}\u0000${name}`;
    const known = this.buildings.get(key);
    if (known) return known;
    const existing = await this.client.query<{ id: string }>(
      `SELECT id FROM building WHERE station_id = $1 AND name = $2 ORDER BY id LIMIT 1`,
      [stationId, name],
    );
    const id =
      existing.rows[0]?.id ??
      (await this.client.query<{ id: string }>(`INSERT INTO building (station_id, name, address) VALUES ($1, $2, $3) RETURNING id`, [
        stationId,
        name,
        address,
      ])).rows[0]!.id;
    this.buildings.set(key, id);
    return id;
  }
}
