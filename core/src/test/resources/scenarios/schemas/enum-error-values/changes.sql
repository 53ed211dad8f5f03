INSERT IGNORE INTO t VALUES (3, 'bogus', 'nope', NULL);
-- sync
SET SESSION sql_mode = 'ALLOW_INVALID_DATES';
INSERT INTO t VALUES (4, 'y', NULL, '2020-02-30');
UPDATE IGNORE t SET e = 'also bogus' WHERE id = 1;
