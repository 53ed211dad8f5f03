-- The original tool's example tables, with data. Loaded into the demo's source database.
CREATE TABLE digits (d TINYINT NOT NULL PRIMARY KEY);
INSERT INTO digits VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9);

CREATE TABLE foo_tokens (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  token CHAR(32) NOT NULL,
  issued_at DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_token (token)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE foo_ref (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  foo_token_id INT UNSIGNED NOT NULL,
  kind ENUM('keep','drop') NOT NULL,
  note VARCHAR(100) NULL,
  PRIMARY KEY (id),
  KEY idx_token (foo_token_id),
  CONSTRAINT fk_ref_token FOREIGN KEY (foo_token_id) REFERENCES foo_tokens (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE bar (
  id BIGINT NOT NULL AUTO_INCREMENT,
  name VARCHAR(64) NOT NULL,
  amount DECIMAL(12,2) NULL,
  ratio DOUBLE NULL,
  updated_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  payload BLOB NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE baz (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  event VARCHAR(32) NOT NULL,
  body JSON NULL,
  created_at DATETIME NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- 2,000 tokens, 3,000 refs (every other one kept), 10,000 bar rows, 20,000 baz events.
INSERT INTO foo_tokens (token, issued_at)
SELECT MD5(n), TIMESTAMP('2024-01-01') + INTERVAL n MINUTE + INTERVAL n MICROSECOND
FROM (SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d AS n FROM digits a, digits b, digits c, digits e) numbers
WHERE n < 2000 ORDER BY n;

INSERT INTO foo_ref (foo_token_id, kind, note)
SELECT 1 + (n * 7) % 2000, IF(n % 2 = 0, 'keep', 'drop'), IF(n % 5 = 0, NULL, CONCAT('ref #', n, ' café ☕'))
FROM (SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d AS n FROM digits a, digits b, digits c, digits e) numbers
WHERE n < 3000 ORDER BY n;

INSERT INTO bar (name, amount, ratio, updated_at, payload)
SELECT CONCAT('bar-', n), IF(n % 7 = 0, NULL, n / 4), n / 3, TIMESTAMP('2024-02-01') + INTERVAL n SECOND,
       IF(n % 3 = 0, NULL, UNHEX(MD5(n)))
FROM (SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d AS n FROM digits a, digits b, digits c, digits e) numbers
ORDER BY n;

INSERT INTO baz (event, body, created_at)
SELECT IF(n % 2 = 0, 'click', 'view'), CONCAT('{"n": ', n, ', "tag": "t', n % 10, '"}'),
       TIMESTAMP('2024-03-01') + INTERVAL n SECOND
FROM (SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d AS n
      FROM digits a, digits b, digits c, digits e, digits f) numbers
WHERE n < 20000 ORDER BY n;
