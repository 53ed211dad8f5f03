-- Nothing changed: a second sync must not pull (1, 'red') again.
-- sync
INSERT INTO t VALUES (1, 'green', 3), (2, 'red', 4);
INSERT INTO s VALUES ('z,a,m', 'four');
-- sync
UPDATE t SET v = 20 WHERE id = 1 AND e = 'blue';
UPDATE s SET v = 'changed' WHERE k = 'a,m';
DELETE FROM t WHERE id = 1 AND e = 'red';
DELETE FROM s WHERE k = 'z';
