-- A deleted row's value reused by a new row (the issue's repro).
DELETE FROM e WHERE id = 2;
INSERT INTO e (p, q) VALUES ('b', 2);
DELETE FROM rental WHERE rental_id = 1;
INSERT INTO rental (rental_date, inventory_id, customer_id) VALUES ('2005-05-24 22:53:30', 367, 130);
-- sync
-- A value freed by an UPDATE and reused by a new row.
UPDATE e SET p = 'c2' WHERE p = 'c';
INSERT INTO e (p) VALUES ('c');
-- sync
-- A primary-key move.
UPDATE e SET id = 100 WHERE p = 'a';
UPDATE rental SET rental_id = 50 WHERE rental_id = 2;
-- sync
-- A swap of two unique values and a three-way rotation, through temporary values.
UPDATE e SET p = 'tmp' WHERE p = 'd';
UPDATE e SET p = 'd' WHERE p = 'e';
UPDATE e SET p = 'e' WHERE p = 'tmp';
UPDATE e SET q = 900 WHERE q = 1;
UPDATE e SET q = 1 WHERE q = 2;
UPDATE e SET q = 2 WHERE q = 3;
UPDATE e SET q = 3 WHERE q = 900;
