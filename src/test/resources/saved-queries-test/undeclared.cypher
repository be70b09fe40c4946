// name: undeclared
// description: Uses a parameter its header does not declare.
MATCH (a:Article {id: $id}) RETURN a.title AS title
