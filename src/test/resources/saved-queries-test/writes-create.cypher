// name: writes-create
// description: Tries to create a node.
CREATE (:Intruder {name: 'x'}) RETURN 1 AS one
