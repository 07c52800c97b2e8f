#include "CPostgres.h"

// On Linux libpq is loaded when it is first used (a PostgreSQL sink or search), not when the
// program starts: its libraries (Kerberos, LDAP, TLS …) cost every process start, and most runs
// never write to PostgreSQL. The functions NewsKit calls are defined here and forward to the real
// ones in libpq.so.5. When libpq cannot be loaded, the first call says so and stops the program,
// as the loader did before when it was linked.
#if defined(__linux__)
#include "CLazyLibrary.h"

static const char *const nk_pq_names[] = { "libpq.so.5" };
static nk_lazy_library nk_pq = { nk_pq_names, 1, "libpq (Debian: apt-get install libpq5) to use PostgreSQL", 0 };

#define NK_PQ(name) NK_LAZY(&nk_pq, name)

PGconn *PQconnectdb(const char *conninfo) { NK_PQ(PQconnectdb) return real(conninfo); }
void PQfinish(PGconn *conn) { NK_PQ(PQfinish) real(conn); }
void PQreset(PGconn *conn) { NK_PQ(PQreset) real(conn); }
ConnStatusType PQstatus(const PGconn *conn) { NK_PQ(PQstatus) return real(conn); }
char *PQerrorMessage(const PGconn *conn) { NK_PQ(PQerrorMessage) return real(conn); }
int PQsetClientEncoding(PGconn *conn, const char *encoding) { NK_PQ(PQsetClientEncoding) return real(conn, encoding); }
PGresult *PQexec(PGconn *conn, const char *query) { NK_PQ(PQexec) return real(conn, query); }
PGresult *PQexecParams(PGconn *conn, const char *command, int count, const Oid *types, const char *const *values,
                       const int *lengths, const int *formats, int resultFormat) {
    NK_PQ(PQexecParams) return real(conn, command, count, types, values, lengths, formats, resultFormat);
}
ExecStatusType PQresultStatus(const PGresult *res) { NK_PQ(PQresultStatus) return real(res); }
char *PQresultErrorField(const PGresult *res, int field) { NK_PQ(PQresultErrorField) return real(res, field); }
int PQntuples(const PGresult *res) { NK_PQ(PQntuples) return real(res); }
int PQnfields(const PGresult *res) { NK_PQ(PQnfields) return real(res); }
char *PQgetvalue(const PGresult *res, int row, int field) { NK_PQ(PQgetvalue) return real(res, row, field); }
int PQgetisnull(const PGresult *res, int row, int field) { NK_PQ(PQgetisnull) return real(res, row, field); }
void PQclear(PGresult *res) { NK_PQ(PQclear) real(res); }
void PQfreemem(void *ptr) { NK_PQ(PQfreemem) real(ptr); }
char *PQescapeLiteral(PGconn *conn, const char *str, size_t len) { NK_PQ(PQescapeLiteral) return real(conn, str, len); }
#endif

const char *nk_pq_sqlstate(const PGresult *result) {
    return PQresultErrorField(result, PG_DIAG_SQLSTATE);
}

const char *nk_pq_primary_message(const PGresult *result) {
    return PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
}
