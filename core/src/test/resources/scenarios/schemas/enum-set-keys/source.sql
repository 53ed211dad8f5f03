CREATE TABLE t (id INT NOT NULL, e ENUM('red','green','blue') NOT NULL, v INT NULL, PRIMARY KEY (id, e));
INSERT INTO t VALUES (1, 'red', 1), (1, 'blue', 2);
CREATE TABLE s (k SET('z','a','m') NOT NULL, v VARCHAR(10), PRIMARY KEY (k));
INSERT INTO s VALUES ('z', 'one'), ('a,m', 'two'), ('m', 'three');
