-- A slice root (foo_ref, kept rows only), two hops of references (foo_tokens, owners, with
-- owners referring to their managers, a cycle), and child rows pointing into the slice (notes).
CREATE TABLE owners (id INT PRIMARY KEY, name VARCHAR(20), manager_id INT NULL);
CREATE TABLE foo_tokens (id INT UNSIGNED PRIMARY KEY, token CHAR(32) NOT NULL, owner_id INT NULL);
CREATE TABLE foo_ref (id INT UNSIGNED PRIMARY KEY, foo_token_id INT UNSIGNED NOT NULL,
                      kind ENUM('keep','drop') NOT NULL, note VARCHAR(40) NULL, KEY idx_token (foo_token_id));
CREATE TABLE notes (id INT PRIMARY KEY, foo_ref_id INT UNSIGNED NOT NULL, body TEXT, KEY idx_ref (foo_ref_id));

INSERT INTO owners SELECT seq, CONCAT('owner', seq), IF(seq > 10, seq DIV 10, NULL) FROM SERIES(300);
INSERT INTO foo_tokens SELECT seq, MD5(seq), IF(seq % 5 = 0, NULL, 1 + seq % 300) FROM SERIES(4000);
INSERT INTO foo_ref SELECT seq, 1 + (seq * 7) % 4000, IF(seq % 2, 'keep', 'drop'), IF(seq % 3, CONCAT('n', seq), NULL)
FROM SERIES(6000);
INSERT INTO notes SELECT seq, 1 + seq % 6000, CONCAT('note ', seq) FROM SERIES(3000);
