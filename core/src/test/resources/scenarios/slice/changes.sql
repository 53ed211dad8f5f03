-- A new kept ref to a new token of a new owner, a changed token, a ref no longer kept, a new note.
INSERT INTO owners VALUES (301, 'new owner', 5);
INSERT INTO foo_tokens VALUES (4001, 'fresh', 301);
INSERT INTO foo_ref VALUES (6001, 4001, 'keep', 'new');
UPDATE foo_tokens SET token = 'changed' WHERE id = 8;
UPDATE foo_ref SET kind = 'drop' WHERE id = 1;
INSERT INTO notes VALUES (3001, 6001, 'note on the new ref');
