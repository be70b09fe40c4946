// name: writes-merge
// description: Tries to merge a node.
MERGE (i:Intruder {name: 'x'}) RETURN i.name AS name
