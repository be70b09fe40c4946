// name: data-quality-issues
// description: Everything that needs a look: articles whose time is missing, before 1990 or in the future
//   (left out of first-reporter and lag figures), and files that failed to load, with the reason.
// param: limit int = 200 -- how many issues
CALL () {
  MATCH (a:Article) WHERE a.timeFlag IS NOT NULL
  RETURN 'article' AS kind, a.timeFlag AS issue, a.url AS subject, toString(a.publishedAt) AS detail
  UNION ALL
  MATCH (f:SourceFile {status: 'failed'})
  RETURN 'file' AS kind, 'load failed' AS issue, f.path AS subject,
         'line ' + toString(coalesce(f.errorLine, 0)) + ': ' + f.error AS detail
}
RETURN kind, issue, subject, detail
ORDER BY kind, issue, subject
LIMIT $limit
