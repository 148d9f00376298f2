// The system SQLite library (Debian: libsqlite3-dev), used directly by KontorStore's SQLite driver.
#include <sqlite3.h>
