INSERT INTO g VALUES ('ffffffff-ffff-ffff-ffff-ffffffffffff', 'fe80::1', '0.0.0.0');
INSERT INTO h VALUES ('255.255.255.255', 'bcast'), ('10.0.1.0', 'other');
-- sync
UPDATE g SET b = '1.1.1.1' WHERE id = 'a0a2cb0c-ed7b-11f1-a692-02fc00000001';
DELETE FROM g WHERE id = '123e4567-e89b-12d3-a456-426614174000';
UPDATE g SET a = '2001:db8::ff00:42:8329' WHERE id = '00000000-0000-0000-0000-000000000001';
UPDATE h SET host = 'gateway' WHERE ip = '10.0.0.1';
DELETE FROM h WHERE ip = '10.0.0.0';
