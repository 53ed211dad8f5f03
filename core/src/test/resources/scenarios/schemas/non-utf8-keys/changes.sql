INSERT INTO l VALUES ('ä', 4), ('ö', 5);
INSERT INTO c VALUES ('я', 4), ('ж', 5);
-- sync
UPDATE l SET v = 30 WHERE c = 'é';
DELETE FROM l WHERE c = 'b';
UPDATE c SET v = 20 WHERE k = 'б';
DELETE FROM c WHERE k = 'Ж';
