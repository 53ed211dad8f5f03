-- The live-slice scenario: a root (ref, kind = 'keep'), a followed table (tok), a followed table
-- that refers to itself (owner.manager_id, with a cycle 3 <-> 4), and children (note).
-- Initial slice: ref 1, 2, 4; tok 1, 3; owner 1, 2, 3, 4; note 1, 3.
CREATE TABLE owner (id INT PRIMARY KEY, manager_id INT NULL, name VARCHAR(20), KEY (manager_id));
CREATE TABLE tok (id INT PRIMARY KEY, owner_id INT NULL, v VARCHAR(20), KEY (owner_id));
CREATE TABLE ref (id INT PRIMARY KEY, kind VARCHAR(10) NOT NULL, tok_id INT NULL, KEY (tok_id));
CREATE TABLE note (id INT PRIMARY KEY, ref_id INT NULL, body VARCHAR(20), KEY (ref_id));
