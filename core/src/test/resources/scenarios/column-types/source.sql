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
        0x000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F303132333435363738393A3B3C3D3E3F404142434445464748494A4B4C4D4E4F505152535455565758595A5B5C5D5E5F606162636465666768696A6B6C6D6E6F707172737475767778797A7B7C7D7E7F808182838485868788898A8B8C8D8E8F909192939495969798999A9B9C9D9E9FA0A1A2A3A4A5A6A7A8A9AAABACADAEAFB0B1B2B3B4B5B6B7B8B9BABBBCBDBEBFC0C1C2C3C4C5C6C7C8C9CACBCCCDCECFD0D1D2D3D4D5D6D7D8D9DADBDCDDDEDFE0E1E2E3E4E5E6E7E8E9EAEBECEDEEEFF0F1F2F3F4F5F6F7F8F9FAFBFCFDFEFF,
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
