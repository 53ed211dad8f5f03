INSERT INTO owner VALUES (1, NULL, 'o1'), (2, 1, 'o2'), (3, 4, 'o3'), (4, 3, 'o4'), (5, NULL, 'o5');
INSERT INTO tok VALUES (1, 2, 't1'), (2, 2, 't2'), (3, 3, 't3'), (4, NULL, 't4'), (5, 5, 't5');
INSERT INTO ref VALUES (1, 'keep', 1), (2, 'keep', 1), (3, 'drop', 2), (4, 'keep', 3), (5, 'drop', 5);
INSERT INTO note VALUES (1, 1, 'n1'), (2, 3, 'n3'), (3, 4, 'n4'), (4, 5, 'n5');
