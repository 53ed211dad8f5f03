-- A schema with the features schema pull must carry over exactly.
CREATE TABLE owners (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT,
  name VARCHAR(100) COLLATE utf8mb4_unicode_ci NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE tokens (
  id BIGINT NOT NULL AUTO_INCREMENT,
  owner_id INT UNSIGNED NULL,
  token VARBINARY(16) NOT NULL,
  label VARCHAR(50) CHARACTER SET latin1 COLLATE latin1_german1_ci DEFAULT 'x',
  label_upper VARCHAR(50) CHARACTER SET latin1 AS (UPPER(label)) VIRTUAL,
  score DECIMAL(10,3) AS (LENGTH(token) * 1.5) STORED,
  PRIMARY KEY (id),
  KEY idx_label (label(10)),
  CONSTRAINT fk_owner FOREIGN KEY (owner_id) REFERENCES owners (id) ON DELETE SET NULL,
  CONSTRAINT chk_token CHECK (LENGTH(token) > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin ROW_FORMAT=DYNAMIC COMMENT='tokens of owners';

CREATE TABLE token_refs (
  token_id BIGINT NOT NULL,
  seq SMALLINT NOT NULL,
  note TEXT,
  created DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (token_id, seq),
  CONSTRAINT fk_token FOREIGN KEY (token_id) REFERENCES tokens (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO owners (name) VALUES ('ann'), ('bob');
INSERT INTO tokens (owner_id, token, label) VALUES (1, 0x01, 'a'), (2, 0x02, 'b'), (2, 0x03, 'c');

CREATE VIEW owner_names AS SELECT name FROM owners;
CREATE TRIGGER tokens_bi BEFORE INSERT ON tokens FOR EACH ROW SET NEW.label = LOWER(NEW.label);
CREATE PROCEDURE noop() BEGIN END;
