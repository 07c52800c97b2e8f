#include <pthread.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/syscall.h>
#endif
#include "CProcess.h"
#include <signal.h>
#include <string.h>

static volatile sig_atomic_t interrupts = 0;

static void count_interrupt(int signal) {
    (void)signal;
    interrupts = interrupts + 1;
}

void nk_count_interrupts(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = count_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, NULL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

int nk_interrupts(void) {
    return (int)interrupts;
}


#if defined(__linux__)
#include <sys/prctl.h>

int nk_die_with_parent(void) {
    return prctl(PR_SET_PDEATHSIG, SIGKILL) == 0 ? 0 : -1;
}
#else
int nk_die_with_parent(void) {
    return -1;
}
#endif

int nk_run_closed(const char *const argv[], const char *directory, const char *output) {
    long max = sysconf(_SC_OPEN_MAX);   // before fork: only async-signal-safe calls in the child
    if (max <= 0 || max > 65536) max = 65536;
    pid_t pid = fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        if (chdir(directory) != 0) _exit(126);
        int in = open("/dev/null", O_RDONLY);
        int out = open(output, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (in < 0 || out < 0) _exit(126);
        dup2(in, 0);
        dup2(out, 1);
        dup2(out, 2);
#if defined(__linux__) && defined(SYS_close_range)
        if (syscall(SYS_close_range, 3U, ~0U, 0U) != 0)
#endif
        for (long fd = 3; fd < max; fd++) close((int)fd);
        execv(argv[0], (char *const *)argv);
        _exit(127);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return -1;
    }
    return status;
}
