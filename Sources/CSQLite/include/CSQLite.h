// A thin shim over Debian's libsqlite3 (libsqlite3-dev) for Swift: SQLITE_TRANSIENT is a macro
// casting -1 to a destructor pointer, which Swift cannot spell, so binding copies goes through here.
#ifndef NEWSKIT_CSQLITE_H
#define NEWSKIT_CSQLITE_H

#include <sqlite3.h>

/// sqlite3_bind_text with SQLITE_TRANSIENT: SQLite copies the bytes before returning.
int nk_sqlite_bind_text(sqlite3_stmt *statement, int index, const char *text, int length);

#endif
