// name: bad-header
// description: Declares a parameter of an unknown type.
// param: when timestamp
RETURN 1 AS one
