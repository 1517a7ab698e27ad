import pg from 'pg';

/**
 * Several parameterised statements in one round trip: the extended protocol's messages for each
 * (Parse when the connection has not prepared it yet, Bind, Describe, Execute) and one Sync at
 * the end. PostgreSQL runs them in order; each takes its snapshot when it is bound, after the one
 * before has finished, so a read placed after a lock sees everything committed before the lock.
 * Named statements are prepared once per connection: hot paths skip parsing and planning.
 * The first error stops the rest (PostgreSQL skips to the Sync) and rejects the whole call.
 */
export interface PipelineStatement {
  /** Prepared once per connection under this name; unnamed ones are parsed every time. */
  name?: string;
  text: string;
  values?: unknown[];
}

// The parts of pg's connection and result objects a custom query drives (pg/lib/connection.js,
// pg/lib/result.js, pg/lib/utils.js); @types/pg does not describe them.
interface WireConnection {
  parse(message: { name: string; text: string; types: number[] }): void;
  bind(message: { statement: string; portal: string; values: unknown[]; valueMapper: (value: unknown) => unknown }): void;
  describe(message: { type: 'P'; name: string }): void;
  execute(message: { portal: string; rows: number }): void;
  close(message: { type: 'S'; name: string }): void;
  sync(): void;
  parsedStatements: Record<string, string>;
  stream: { cork?: () => void; uncork?: () => void };
}

interface RowBuilder {
  rows: unknown[];
  addFields(fields: unknown[]): void;
  parseRow(fields: unknown[]): unknown;
  addRow(row: unknown): void;
  addCommandComplete(message: unknown): void;
}

interface PgRuntime {
  Result: new (rowMode: undefined, types: unknown) => RowBuilder;
  utils: { prepareValue(value: unknown): unknown };
}

const runtime = pg as unknown as PgRuntime;

class Pipeline implements pg.Submittable {
  private readonly results: RowBuilder[] = [];
  private current: RowBuilder | null = null;
  private failure: Error | null = null;
  private connection: WireConnection | null = null;
  private settled = false;
  /** Set by pg's client before submit: its type parsers. */
  _result: { _types?: unknown } = {};

  constructor(
    /** Public for tests and the benchmark, which look at what is sent. */
    readonly statements: PipelineStatement[],
    private readonly done: (error: Error | null, rows: unknown[][]) => void,
  ) {}

  submit(connection: pg.Connection): void {
    const wire = connection as unknown as WireConnection;
    wire.stream.cork?.();
    try {
      for (const s of this.statements) {
        const name = s.name ?? '';
        if (!name || wire.parsedStatements[name] === undefined) {
          // A name this connection does not know for sure may have been prepared by a pipeline
          // that failed after its Parse: closing a statement that does not exist is no error.
          if (name) wire.close({ type: 'S', name });
          wire.parse({ name, text: s.text, types: [] });
        }
        wire.bind({ statement: name, portal: '', values: s.values ?? [], valueMapper: runtime.utils.prepareValue });
        wire.describe({ type: 'P', name: '' });
        wire.execute({ portal: '', rows: 0 });
      }
      wire.sync();
    } finally {
      wire.stream.uncork?.();
    }
    this.connection = wire;
  }

  private builder(): RowBuilder {
    this.current ??= new runtime.Result(undefined, this._result._types);
    return this.current;
  }

  handleRowDescription(message: { fields: unknown[] }): void {
    this.builder().addFields(message.fields);
  }

  handleDataRow(message: { fields: unknown[] }): void {
    if (this.failure) return;
    try {
      const b = this.builder();
      b.addRow(b.parseRow(message.fields));
    } catch (error) {
      this.failure = error instanceof Error ? error : new Error(String(error));
    }
  }

  handleCommandComplete(message: unknown): void {
    const b = this.builder();
    b.addCommandComplete(message);
    this.results.push(b);
    this.current = null;
  }

  handleEmptyQuery(): void {
    this.results.push(this.builder());
    this.current = null;
  }

  handleError(error: Error): void {
    this.finish(error);
  }

  handleReadyForQuery(): void {
    if (this.failure) return this.finish(this.failure);
    // Every statement ran, so every name was prepared on this connection.
    const wire = this.connection;
    if (wire) for (const s of this.statements) if (s.name) wire.parsedStatements[s.name] = s.text;
    this.finish(null);
  }

  handlePortalSuspended(): void {
    this.finish(new Error('pipeline statements run to completion; a suspended portal is not expected'));
  }

  handleCopyInResponse(): void {
    this.finish(new Error('COPY is not supported in a pipeline'));
  }

  handleCopyData(): void {
    // Never sent for the statements a pipeline runs.
  }

  private finish(error: Error | null): void {
    if (this.settled) return;
    this.settled = true;
    this.done(error, this.results.map((r) => r.rows));
  }
}

/** Runs the statements in order in one round trip; returns each statement's rows. */
export function queryPipeline<Rows extends unknown[][]>(client: pg.ClientBase, statements: PipelineStatement[]): Promise<Rows> {
  return new Promise<Rows>((resolve, reject) => {
    client.query(
      new Pipeline(statements, (error, rows) => {
        if (error) reject(error);
        else resolve(rows as Rows);
      }),
    );
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value from outside can be bound as a uuid (else no row can match it). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
