// name: in-transactions
// description: Tries batched writes.
MATCH (a:Article)
CALL (a) { SET a.touched = true } IN TRANSACTIONS OF 10 ROWS
RETURN count(a) AS n
