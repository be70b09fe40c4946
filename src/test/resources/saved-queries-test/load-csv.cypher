// name: load-csv
// description: Tries to read a file of the server.
LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line LIMIT 1
