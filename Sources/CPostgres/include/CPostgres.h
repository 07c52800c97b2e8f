// A thin shim over Debian's libpq (libpq-dev): the header lives in /usr/include/postgresql, and
// two macros Swift cannot import as values are given as functions.
#ifndef NEWSKIT_CPOSTGRES_H
#define NEWSKIT_CPOSTGRES_H

#include <postgresql/libpq-fe.h>

/// The SQLSTATE of a failed result (`40P01` for a deadlock), or NULL.
const char *nk_pq_sqlstate(const PGresult *result);

/// The server's primary error message of a failed result, or NULL.
const char *nk_pq_primary_message(const PGresult *result);

#endif
