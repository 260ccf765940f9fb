import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transparency log (issue 8): the Merkle tree over the global order, as the transparency-log
 * projection stores it, and the signed checkpoints with their cosignatures.
 *
 * - ledger_leaves: one row per event, leaf_index being its position in the global order (readAll order).
 * - ledger_tree_nodes: every complete subtree (level 0 = leaf hash), RFC 9162 hashing, so a proof
 *   reads O(log n) rows and never rehashes leaves.
 * - ledger_checkpoints, ledger_cosignatures: append-only (a trigger refuses UPDATE, DELETE, TRUNCATE).
 *   They are not projection tables: a rebuild of the tree leaves them alone and must reproduce the
 *   roots they commit to.
 */
export class TransparencyLog1764900000000 implements MigrationInterface {
  name = 'TransparencyLog1764900000000';

  async up(q: QueryRunner): Promise<void> {
    const s = `"${(q.connection.options as { schema?: string }).schema ?? 'public'}"`;
    await q.query(`CREATE TABLE ${s}.ledger_leaves (
      leaf_index bigint NOT NULL,
      event_id text NOT NULL,
      stream_id text NOT NULL,
      version integer NOT NULL,
      event_hash char(64) NOT NULL,
      CONSTRAINT ledger_leaves_pkey PRIMARY KEY (leaf_index))`);
    await q.query(`CREATE INDEX ledger_leaves_event_idx ON ${s}.ledger_leaves (event_id)`);
    await q.query(`CREATE INDEX ledger_leaves_stream_idx ON ${s}.ledger_leaves (stream_id, version)`);
    await q.query(`CREATE TABLE ${s}.ledger_tree_nodes (
      level smallint NOT NULL,
      idx bigint NOT NULL,
      hash bytea NOT NULL,
      CONSTRAINT ledger_tree_nodes_pkey PRIMARY KEY (level, idx))`);

    await q.query(`CREATE TABLE ${s}.ledger_checkpoints (
      size bigint NOT NULL,
      root bytea NOT NULL,
      note text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT ledger_checkpoints_pkey PRIMARY KEY (size))`);
    await q.query(`CREATE TABLE ${s}.ledger_cosignatures (
      id bigserial PRIMARY KEY,
      size bigint NOT NULL REFERENCES ${s}.ledger_checkpoints (size),
      witness text NOT NULL,
      key_id text NOT NULL,
      line text NOT NULL,
      signed_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT ledger_cosignatures_once UNIQUE (size, witness))`);
    await q.query(`CREATE FUNCTION ${s}.ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        RAISE EXCEPTION 'checkpoints and cosignatures are append-only: % on %.% is refused', tg_op, tg_table_schema, tg_table_name
          USING errcode = 'insufficient_privilege';
      END
      $fn$`);
    for (const table of ['ledger_checkpoints', 'ledger_cosignatures']) {
      await q.query(`CREATE TRIGGER ${table}_refuse_update_delete BEFORE UPDATE OR DELETE ON ${s}.${table}
        FOR EACH ROW EXECUTE FUNCTION ${s}.ledger_refuse_change()`);
      await q.query(`CREATE TRIGGER ${table}_refuse_truncate BEFORE TRUNCATE ON ${s}.${table}
        FOR EACH STATEMENT EXECUTE FUNCTION ${s}.ledger_refuse_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const s = `"${(q.connection.options as { schema?: string }).schema ?? 'public'}"`;
    await q.query(`DROP TABLE ${s}.ledger_cosignatures`);
    await q.query(`DROP TABLE ${s}.ledger_checkpoints`);
    await q.query(`DROP FUNCTION ${s}.ledger_refuse_change()`);
    await q.query(`DROP TABLE ${s}.ledger_tree_nodes`);
    await q.query(`DROP TABLE ${s}.ledger_leaves`);
  }
}
