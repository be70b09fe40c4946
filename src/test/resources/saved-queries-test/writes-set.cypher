// name: writes-set
// description: Tries to overwrite titles.
MATCH (a:Article) SET a.title = 'pwned' RETURN count(a) AS changed
