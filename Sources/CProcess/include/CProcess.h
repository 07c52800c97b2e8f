// A thin shim over process control for the demo: prctl is variadic, so Swift cannot call it
// directly; and a signal handler must be plain C to be async-signal-safe.
#ifndef NEWSKIT_CPROCESS_H
#define NEWSKIT_CPROCESS_H

/// Asks the kernel to kill this process when its parent dies (Linux: PR_SET_PDEATHSIG with
/// SIGKILL). Returns 0 on success, -1 where the system has no such call (the caller then watches
/// getppid() itself).
int nk_die_with_parent(void);

/// Installs a SIGINT handler (sigaction, every thread) that only counts the signals, in a
/// `volatile sig_atomic_t`; `nk_interrupts()` reads the count.
void nk_count_interrupts(void);

/// How many SIGINTs came since `nk_count_interrupts()`.
int nk_interrupts(void);

/// Runs `argv[0]` (a path) with `argv` (NULL-terminated) in `directory`, standard input from
/// /dev/null, standard output and error to `output` (created or truncated), and every other
/// descriptor closed, then waits for it. For starting daemons (a test's PostgreSQL server)
/// that must not inherit the caller's pipes. Returns the wait status, or -1 if it could not start.
int nk_run_closed(const char *const argv[], const char *directory, const char *output);

#endif
