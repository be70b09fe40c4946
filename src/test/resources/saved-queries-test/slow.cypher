// name: slow
// description: Deliberately slow: counts through a billion numbers, stopped by its one-second timeout.
// timeout: 1s
UNWIND range(1, 1000000000) AS i
WITH i WHERE i % 7 = 0
RETURN count(i) AS n
