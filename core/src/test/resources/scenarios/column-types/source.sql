-- Every column type, with the values that break naive copying and hashing.
CREATE TABLE types (
  id INT NOT NULL PRIMARY KEY,
  ti TINYINT NULL, si SMALLINT UNSIGNED NULL, mi MEDIUMINT NULL, bi BIGINT NULL, bu BIGINT UNSIGNED NULL,
  dec1 DECIMAL(65,30) NULL, dec2 DECIMAL(10,0) UNSIGNED NULL,
  f FLOAT NULL, d DOUBLE NULL,
  b1 BIT(1) NULL, b64 BIT(64) NULL,
  y YEAR NULL, dt DATE NULL, tm TIME(6) NULL, dtm DATETIME(6) NULL, ts TIMESTAMP(6) NULL DEFAULT NULL,
  c CHAR(10) NULL,
  vc VARCHAR(100) COLLATE utf8mb4_general_ci NULL,
  vlat VARCHAR(50) CHARACTER SET latin1 COLLATE latin1_swedish_ci NULL,
  tx TEXT NULL, bin BINARY(4) NULL, vb VARBINARY(300) NULL, bl BLOB NULL, lb LONGBLOB NULL,
  j JSON NULL, e ENUM('a','b','#','', 'with space') NULL, s SET('x','y','z') NULL,
  g INT AS (id * 2) VIRTUAL,
  gs VARCHAR(120) AS (CONCAT(IFNULL(vc, ''), '!')) STORED
) DEFAULT CHARSET=utf8mb4;

-- 1: all NULL
INSERT INTO types (id) VALUES (1);
-- 2: empty strings and zeros
INSERT INTO types (id, ti, si, mi, bi, bu, dec1, dec2, f, d, b1, b64, y, dt, tm, dtm, c, vc, vlat, tx, bin, vb, bl, lb, j, e, s)
VALUES (2, 0, 0, 0, 0, 0, 0, 0, 0, 0, b'0', b'0', 0, '0000-00-00', '00:00:00', '0000-00-00 00:00:00', '', '', '', '', '', '', '', '', '{}', '', '');
-- 3: the string 'NULL', separators and escapes inside values
INSERT INTO types (id, c, vc, vlat, tx, vb, bl, j, e, s)
VALUES (3, 'NULL', 'a#b', 'tab\there', 'line\nbreak\\back\rslash', 'x\0y', CONCAT('#', CHAR(9), CHAR(10), CHAR(92), CHAR(0)), '["#", "\\t"]', '#', 'x,z');
-- 4: the neighbours of row 3 that a naive CONCAT_WS would confuse with it
INSERT INTO types (id, c, vc, vlat, tx) VALUES (4, 'NULL', 'a', '#b', '');
-- 5: extremes of every numeric and temporal type
INSERT INTO types (id, ti, si, mi, bi, bu, dec1, dec2, f, d, b1, b64, y, dt, tm, dtm)
VALUES (5, -128, 65535, -8388608, -9223372036854775808, 18446744073709551615,
        -99999999999999999999999999999999999.999999999999999999999999999999, 9999999999,
        -3.4028234e38, 1.7976931348623157e308, b'1', b'1111111111111111111111111111111111111111111111111111111111111111',
        2155, '9999-12-31', '-838:59:59.000000', '9999-12-31 23:59:59.999999');
-- 6: float and double values whose short text is ambiguous
INSERT INTO types (id, f, d, dec1) VALUES (6, 1.2345678, 1e300/3, 0.000000000000000000000000000001);
INSERT INTO types (id, f, d) VALUES (7, 1.2345679, 4.9e-324);
-- 8: utf8mb4, accents, latin1, binary bytes of every value
INSERT INTO types (id, c, vc, vlat, tx, bin, vb, j, e)
VALUES (8, 'caf\u00e9', 'emoji 😀 ünïcødé', 'Stra\u00dfe', REPEAT('ñ', 1000), 0x00FF7F80,
        (SELECT UNHEX(GROUP_CONCAT(LPAD(HEX(seq), 2, '0') ORDER BY seq SEPARATOR '')) FROM seq_0_to_255),
        '{"k": "v ☃", "n": [1, 2.5, null, true]}', 'with space');
-- 9: timestamps written under different session time zones
SET SESSION time_zone = '+05:30';
INSERT INTO types (id, ts, dtm) VALUES (9, '2021-03-28 02:30:00.123456', '2021-03-28 02:30:00.123456');
SET SESSION time_zone = '-08:00';
INSERT INTO types (id, ts) VALUES (10, '1970-01-01 08:00:01.000001');
SET SESSION time_zone = SYSTEM;
-- 11: a 10 MB BLOB
INSERT INTO types (id, lb) VALUES (11, REPEAT('0123456789', 1048576));
-- 12..: plain rows in bulk
INSERT INTO types (id, bi, vc, d, dtm) SELECT 100 + seq, seq * 1000003, CONCAT('row ', seq), seq / 7, '2020-01-01' + INTERVAL seq SECOND
FROM SERIES(2000);
