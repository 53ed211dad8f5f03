CREATE TABLE e (id INT AUTO_INCREMENT PRIMARY KEY, p VARCHAR(16) NOT NULL, q INT NULL, UNIQUE KEY (p), UNIQUE KEY (q));
INSERT INTO e (p, q) VALUES ('a', 1), ('b', 2), ('c', 3), ('d', NULL), ('e', NULL);
CREATE TABLE rental (rental_id INT AUTO_INCREMENT PRIMARY KEY, rental_date DATETIME NOT NULL, inventory_id INT NOT NULL,
  customer_id INT NOT NULL, UNIQUE KEY rental_date (rental_date, inventory_id, customer_id));
INSERT INTO rental (rental_date, inventory_id, customer_id) VALUES ('2005-05-24 22:53:30', 367, 130),
  ('2005-05-24 22:54:33', 1525, 459), ('2005-05-24 23:03:39', 1711, 408);
