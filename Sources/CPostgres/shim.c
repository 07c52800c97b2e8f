#include "CPostgres.h"

// On Linux libpq is loaded when it is first used (a PostgreSQL sink or search), not when the
// program starts: its libraries (Kerberos, LDAP, TLS …) cost every process start, and most runs
// never write to PostgreSQL. The functions NewsKit calls are defined here and forward to the real
// ones in libpq.so.5. When libpq cannot be loaded, the first call says so and stops the program,
// as the loader did before when it was linked.
#if defined(__linux__)
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <pthread.h>

static void *nk_pq_library;
static pthread_once_t nk_pq_once = PTHREAD_ONCE_INIT;

static void nk_pq_open(void) {
    nk_pq_library = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
    if (!nk_pq_library) {
        fprintf(stderr, "NewsKit: libpq could not be loaded (%s); install it (Debian: apt-get install libpq5) to use PostgreSQL\n", dlerror());
        abort();
    }
}

static void *nk_pq_symbol(const char *name) {
    pthread_once(&nk_pq_once, nk_pq_open);
    void *symbol = dlsym(nk_pq_library, name);
    if (!symbol) {
        fprintf(stderr, "NewsKit: this libpq has no %s; NewsKit needs libpq 10 or later\n", name);
        abort();
    }
    return symbol;
}

// One resolved pointer per function, read and written atomically (a race only resolves twice).
#define NK_PQ(name) \
    static __typeof__(&name) nk_real_##name; \
    __typeof__(&name) real = __atomic_load_n(&nk_real_##name, __ATOMIC_ACQUIRE); \
    if (!real) { real = (__typeof__(&name))nk_pq_symbol(#name); __atomic_store_n(&nk_real_##name, real, __ATOMIC_RELEASE); }

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
