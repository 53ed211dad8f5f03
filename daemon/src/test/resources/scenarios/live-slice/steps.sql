-- Each step is applied on the source with the daemon running; after each the target must hold
-- exactly the slice, and no cycle may have rebuilt it.
-- step: a root row enters the predicate (tok 2 and note 2 come with it)
UPDATE ref SET kind = 'keep' WHERE id = 3;
-- step: the root row leaves again (tok 2 and note 2 go; owner 2 stays, tok 1 still refers to it)
UPDATE ref SET kind = 'drop' WHERE id = 3;
-- step: a followed row is updated
UPDATE tok SET v = 't1 again' WHERE id = 1;
-- step: a reference moves to another row while another member still refers to the old one (tok 1 stays)
UPDATE ref SET tok_id = 4 WHERE id = 1;
-- step: the last referrer of tok 1 moves too (tok 1, then owner 2 and owner 1 are evicted)
UPDATE ref SET tok_id = 4 WHERE id = 2;
-- step: the two-hop chain is cut: tok 3 goes and the owner cycle 3 <-> 4 is no longer reached
UPDATE ref SET tok_id = NULL WHERE id = 4;
-- step: and reached again
UPDATE ref SET tok_id = 3 WHERE id = 4;
-- step: a followed row's own reference moves: owner 5 comes, the cycle 3 <-> 4 (reached only through tok 3) goes
UPDATE tok SET owner_id = 5 WHERE id = 3;
-- step: a children row arrives
INSERT INTO note VALUES (5, 4, 'n4 again');
-- step: a children row stops referring into the slice, another starts
UPDATE note SET ref_id = 3 WHERE id = 3;
UPDATE note SET ref_id = 2 WHERE id = 4;
-- step: the shared referenced row tok 4 loses one referrer, then its last one
DELETE FROM ref WHERE id = 1;
-- step: its last referrer goes
DELETE FROM ref WHERE id = 2;
-- step: a new root row and the new row it refers to, in one transaction
START TRANSACTION;
INSERT INTO tok VALUES (6, 1, 't6');
INSERT INTO ref VALUES (6, 'keep', 6);
COMMIT;
-- step: a referenced row is deleted while a member still refers to it (owner 1 goes with it)
DELETE FROM tok WHERE id = 6;
