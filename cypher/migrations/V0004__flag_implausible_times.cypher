// Data sanity: flag articles whose publication time is missing, before 1990 or more than a day in the future.
// New loads set the flag themselves; this brings articles loaded before the flag existed up to date.
MATCH (a:Article)
CALL (a) {
  SET a.timeFlag = CASE
      WHEN a.publishedAt IS NULL THEN 'missing'
      WHEN a.publishedAt < datetime('1990-01-01T00:00:00Z') THEN 'before-1990'
      WHEN a.publishedAt > datetime() + duration('P1D') THEN 'future'
      END
} IN TRANSACTIONS OF 10000 ROWS;
CREATE RANGE INDEX article_time_flag IF NOT EXISTS FOR (a:Article) ON (a.timeFlag);
