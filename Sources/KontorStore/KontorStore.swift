// KontorStore — SQLKit implementations of KontorCore's ports (SQLite by default, PostgreSQL for many instances),
// migrations and the job queue (DESIGN.md §4). Empty until the storage issue lands: it deliberately holds no
// placeholder code.
