-- The question log and the feedback given on its answers. Portable SQL: SQLite and PostgreSQL
-- both run this file as written. Times are milliseconds since the epoch (BIGINT).
CREATE TABLE questions (
  id TEXT PRIMARY KEY,
  asked_at BIGINT NOT NULL,
  channel TEXT NOT NULL,
  report TEXT NOT NULL,
  text TEXT NOT NULL,
  outcome TEXT NOT NULL,
  intent TEXT,
  rule TEXT,
  confidence DOUBLE PRECISION NOT NULL,
  lang TEXT NOT NULL,
  conversation TEXT NOT NULL,
  citations TEXT NOT NULL
);
CREATE INDEX questions_asked_at ON questions (asked_at);
CREATE INDEX questions_outcome_asked_at ON questions (outcome, asked_at);

CREATE TABLE feedback (
  question_id TEXT PRIMARY KEY REFERENCES questions (id),
  rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
  comment TEXT,
  given_at BIGINT NOT NULL
);
CREATE INDEX feedback_rating ON feedback (rating);
