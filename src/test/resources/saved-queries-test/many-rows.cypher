// name: many-rows
// description: More rows than its own limit of 5 allows.
// limit: 5
UNWIND range(1, 12) AS i
RETURN i, {square: i * i} AS detail
