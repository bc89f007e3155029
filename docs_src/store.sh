# Store the shipped example in an embedded DuckDB file, then ask it questions.
dateline ingest examples/ --db dateline.duckdb
dateline actors --db dateline.duckdb --top 5
dateline events --db dateline.duckdb --actor Putin --since 2025-03-10 --until 2025-03-13
dateline dyads --db dateline.duckdb
dateline export --format csv --flat-events --db dateline.duckdb events.csv
