-- What the target must hold after the slice is synced, computed on the source.
CREATE TABLE expected_foo_ref AS SELECT * FROM foo_ref WHERE kind = 'keep';
CREATE TABLE expected_foo_tokens AS SELECT * FROM foo_tokens WHERE id IN (SELECT foo_token_id FROM expected_foo_ref);
CREATE TABLE expected_owners AS
  WITH RECURSIVE reached (id) AS (
    SELECT owner_id FROM expected_foo_tokens WHERE owner_id IS NOT NULL
    UNION SELECT o.manager_id FROM owners o JOIN reached r ON o.id = r.id WHERE o.manager_id IS NOT NULL)
  SELECT * FROM owners WHERE id IN (SELECT id FROM reached);
CREATE TABLE expected_notes AS SELECT * FROM notes WHERE foo_ref_id IN (SELECT id FROM expected_foo_ref);
