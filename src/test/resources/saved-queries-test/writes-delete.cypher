// name: writes-delete
// description: Tries to delete every article.
MATCH (a:Article) DETACH DELETE a RETURN count(*) AS gone
