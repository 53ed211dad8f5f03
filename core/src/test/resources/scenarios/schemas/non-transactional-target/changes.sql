DELETE FROM m WHERE id = 2;
INSERT INTO m VALUES (4, 'b'), (5, 'e');
UPDATE m SET v = 'z' WHERE id = 1;
